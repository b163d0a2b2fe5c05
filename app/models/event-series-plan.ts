import { utcToZoned } from "~/utils/zoned-time";

/**
 * What editing a whole series does to its occurrence rows, as a pure function of the rows, the new dates
 * and the clock. Rows are matched to new dates by their series date (originalStartsAt): the same instant
 * first, then the same local day, then — for dates moved to another weekday — in order. Matched rows
 * keep their registrations; a row edited on its own (detached) keeps its times and room. Occurrences
 * already started are history: they only follow the series' new date label. Rows no new date wants are
 * cancelled when people registered (so they can be told), removed otherwise; dates already past that no
 * row stands for are left out, and the rule restarts at the first date that has a row.
 */

export type PlanRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  originalStartsAt: Date;
  status: "scheduled" | "cancelled";
  detached: boolean;
  registrants: number;
};

export type RowChange = {
  id: string;
  originalStartsAt: Date;
  /** Absent: the row keeps its times (detached, or already started). */
  startsAt?: Date;
  endsAt?: Date;
  detached: boolean;
};

export type SeriesPlan = {
  update: RowChange[];
  insert: { startsAt: Date; endsAt: Date }[];
  cancel: string[];
  remove: string[];
  /** New dates dropped before the first one kept (the rule restarts after them). */
  droppedLeading: number;
};

const localDay = (instant: Date, timeZone: string) => utcToZoned(instant, timeZone).slice(0, 10);

export function planSeriesEdit(
  rows: PlanRow[],
  starts: Date[],
  options: { durationMs: number; timeZone: string; now: Date; series: boolean },
): SeriesPlan {
  const { durationMs, timeZone, now, series } = options;
  // A single event is always re-timed; in a series, started dates are history.
  const started = (instant: Date) => series && instant <= now;
  const byRow = new Map<string, Date>();
  const taken = new Set<number>();
  const pair = (row: PlanRow, index: number) => {
    byRow.set(row.id, starts[index]);
    taken.add(index);
  };
  const sorted = [...rows].sort((a, b) => a.originalStartsAt.getTime() - b.originalStartsAt.getTime());
  const free = () => sorted.filter((row) => !byRow.has(row.id));
  for (const row of free()) {
    const index = starts.findIndex((s, i) => !taken.has(i) && s.getTime() === row.originalStartsAt.getTime());
    if (index >= 0) pair(row, index);
  }
  for (const row of free()) {
    const day = localDay(row.originalStartsAt, timeZone);
    const index = starts.findIndex((s, i) => !taken.has(i) && localDay(s, timeZone) === day);
    if (index >= 0) pair(row, index);
  }
  // Orphans (cancelled and detached: off the rule since an earlier edit) only come back on their own day.
  const movable = free().filter(
    (row) => !started(row.startsAt) && !(row.status === "cancelled" && row.detached),
  );
  const open = starts.map((s, i) => i).filter((i) => !taken.has(i) && !started(starts[i]));
  movable.forEach((row, k) => {
    if (k < open.length) pair(row, open[k]);
  });

  const update: RowChange[] = [];
  const cancel: string[] = [];
  const remove: string[] = [];
  for (const row of sorted) {
    const start = byRow.get(row.id);
    const orphan = row.status === "cancelled" && row.detached;
    if (start) {
      const keepTimes = started(row.startsAt) || (row.detached && !orphan);
      update.push({
        id: row.id,
        originalStartsAt: start,
        detached: orphan ? false : row.detached,
        ...(!keepTimes && { startsAt: start, endsAt: new Date(start.getTime() + durationMs) }),
      });
    } else if (started(row.startsAt) || orphan) {
      // Off the rule from now on; marked detached so it never anchors the series.
      if (!row.detached) update.push({ id: row.id, originalStartsAt: row.originalStartsAt, detached: true });
    } else if (row.registrants > 0) {
      cancel.push(row.id);
    } else {
      remove.push(row.id);
    }
  }
  const insert: { startsAt: Date; endsAt: Date }[] = [];
  let droppedLeading = 0;
  let seenKept = false;
  starts.forEach((start, index) => {
    if (taken.has(index)) {
      seenKept = true;
      return;
    }
    if (started(start)) {
      if (!seenKept) droppedLeading++;
      return;
    }
    seenKept = true;
    insert.push({ startsAt: start, endsAt: new Date(start.getTime() + durationMs) });
  });
  return { update, insert, cancel, remove, droppedLeading };
}
