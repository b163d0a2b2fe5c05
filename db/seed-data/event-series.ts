import { expandSeries, toRrule, type Recurrence } from "~/utils/recurrence";
import { utcToZoned } from "~/utils/zoned-time";

/**
 * The demo series: its rule, the dates cancelled or moved on their own, and — for the series that must
 * cross the end of summer time — a first day computed from the seed run.
 */
export type SeriesSeed = {
  recurrence: Recurrence;
  /** Indexes of dates cancelled on their own. */
  cancel?: number[];
  /** Indexes of dates moved on their own, by hours (detached). */
  move?: { index: number; hours: number }[];
  /** The local date of the first date, when it cannot be "inDays" from the seed run. */
  firstDay?: (now: number, timeZone: string) => string;
};

/** The first Thursday of the next September to come (or this one, before it): the series then spans October. */
export function nextSeptemberThursday(now: number, timeZone: string): string {
  const today = utcToZoned(new Date(now), timeZone).slice(0, 10);
  const year = Number(today.slice(0, 4)) + (today.slice(5) > "09-07" ? 1 : 0);
  const first = new Date(Date.UTC(year, 8, 1)).getUTCDay();
  return `${year}-09-${String(1 + ((4 - first + 7) % 7)).padStart(2, "0")}`;
}

/** The event's rrule and one occurrence row per date, with the seed's cancelled and moved dates. */
export function seriesRows(series: SeriesSeed, startsAt: Date, endsAt: Date, timeZone: string) {
  const expansion = expandSeries(startsAt, timeZone, series.recurrence);
  if (!expansion.ok) throw new Error(`demo series does not expand: ${expansion.error}`);
  const length = endsAt.getTime() - startsAt.getTime();
  const rows = expansion.starts.map((start, index) => {
    const move = series.move?.find((m) => m.index === index);
    const shifted = new Date(start.getTime() + (move?.hours ?? 0) * 3_600_000);
    return {
      startsAt: shifted,
      endsAt: new Date(shifted.getTime() + length),
      originalStartsAt: start,
      detached: Boolean(move),
      status: series.cancel?.includes(index) ? ("cancelled" as const) : ("scheduled" as const),
    };
  });
  return { rrule: toRrule(series.recurrence, startsAt, timeZone), rows };
}
