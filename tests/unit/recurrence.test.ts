import { describe, expect, it } from "vitest";
import {
  expandLocal,
  expandSeries,
  MAX_OCCURRENCES,
  parseRrule,
  seriesAnchor,
  seriesForCalendar,
  toRrule,
  weekdayInMonth,
} from "~/utils/recurrence";
import { utcToZoned, zonedToUtc } from "~/utils/zoned-time";

const at = (local: string, zone: string) => zonedToUtc(local, zone)!;
const locals = (starts: Date[], zone: string) => starts.map((instant) => utcToZoned(instant, zone));

describe("recurrence", () => {
  it("keeps the wall-clock time across the end of daylight saving (Berlin, October)", () => {
    const zone = "Europe/Berlin";
    const result = expandSeries(at("2026-10-13T19:00", zone), zone, { repeat: "weekly", end: { count: 4 } });
    if (!result.ok) throw new Error(result.error);
    expect(locals(result.starts, zone)).toEqual([
      "2026-10-13T19:00",
      "2026-10-20T19:00",
      "2026-10-27T19:00",
      "2026-11-03T19:00",
    ]);
    // Summer time is UTC+2, winter time UTC+1: the instants move by an hour, the clock does not.
    expect(result.starts.map((d) => d.toISOString())).toEqual([
      "2026-10-13T17:00:00.000Z",
      "2026-10-20T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z",
      "2026-11-03T18:00:00.000Z",
    ]);
  });

  it("keeps the wall-clock time across the start of daylight saving (New York, March)", () => {
    const zone = "America/New_York";
    const result = expandSeries(at("2026-02-24T09:30", zone), zone, {
      repeat: "biweekly",
      end: { until: "2026-03-24" },
    });
    if (!result.ok) throw new Error(result.error);
    expect(locals(result.starts, zone)).toEqual(["2026-02-24T09:30", "2026-03-10T09:30", "2026-03-24T09:30"]);
    expect(result.starts[0].getUTCHours()).toBe(14);
    expect(result.starts[1].getUTCHours()).toBe(13);
  });

  it("repeats monthly on the nth and on the last weekday", () => {
    expect(weekdayInMonth("2026-01-13")).toEqual({ weekday: 2, nth: 2, last: false });
    const second = expandLocal("2026-01-13T14:00", { repeat: "monthly", end: { count: 4 } });
    expect(second).toEqual({
      ok: true,
      dates: ["2026-01-13T14:00", "2026-02-10T14:00", "2026-03-10T14:00", "2026-04-14T14:00"],
    });
    // Last Friday: 30 Jan, 27 Feb, 27 Mar, 24 Apr, 29 May 2026.
    const last = expandLocal("2026-01-30T16:00", { repeat: "monthlyLast", end: { until: "2026-05-31" } });
    expect(last).toEqual({
      ok: true,
      dates: [
        "2026-01-30T16:00",
        "2026-02-27T16:00",
        "2026-03-27T16:00",
        "2026-04-24T16:00",
        "2026-05-29T16:00",
      ],
    });
    // A start that is not the last such weekday of its month does not fit "last".
    expect(expandLocal("2026-01-23T16:00", { repeat: "monthlyLast", end: { count: 2 } })).toEqual({
      ok: false,
      error: "startOffRule",
    });
    // The 5th Thursday skips months that have none (RFC 5545).
    const fifth = expandLocal("2026-01-29T10:00", { repeat: "monthly", end: { count: 3 } });
    expect(fifth).toEqual({ ok: true, dates: ["2026-01-29T10:00", "2026-04-30T10:00", "2026-07-30T10:00"] });
  });

  it("ends after a count or on a date, and refuses more than 500 dates", () => {
    expect(expandLocal("2026-03-02T10:00", { repeat: "weekly", end: { count: 1 } })).toEqual({
      ok: true,
      dates: ["2026-03-02T10:00"],
    });
    const until = expandLocal("2026-03-02T10:00", { repeat: "weekly", end: { until: "2026-03-16" } });
    expect(until.ok && until.dates).toEqual(["2026-03-02T10:00", "2026-03-09T10:00", "2026-03-16T10:00"]);
    const full = expandLocal("2026-03-02T10:00", { repeat: "weekly", end: { count: MAX_OCCURRENCES } });
    expect(full.ok && full.dates.length).toBe(500);
    expect(expandLocal("2026-03-02T10:00", { repeat: "weekly", end: { count: 501 } })).toEqual({
      ok: false,
      error: "tooMany",
    });
    expect(expandLocal("2026-03-02T10:00", { repeat: "weekly", end: { until: "2040-01-01" } })).toEqual({
      ok: false,
      error: "tooMany",
    });
    const monthly = expandLocal("2026-03-02T10:00", { repeat: "monthly", end: { until: "2067-01-01" } });
    // March 2026 to December 2066: 490 months, each with a first Monday.
    expect(monthly.ok && monthly.dates.length).toBe(490);
  });

  it("writes and reads RFC 5545 RRULEs", () => {
    const zone = "Europe/Berlin";
    const start = at("2026-10-13T19:00", zone);
    expect(toRrule({ repeat: "weekly", end: { count: 6 } }, start, zone)).toBe("FREQ=WEEKLY;COUNT=6");
    expect(toRrule({ repeat: "biweekly", end: { until: "2026-12-22" } }, start, zone)).toBe(
      "FREQ=WEEKLY;INTERVAL=2;UNTIL=20261222T225959Z",
    );
    expect(toRrule({ repeat: "monthly", end: { count: 3 } }, start, zone)).toBe(
      "FREQ=MONTHLY;BYDAY=2TU;COUNT=3",
    );
    const lastFriday = at("2026-10-30T16:00", zone);
    expect(toRrule({ repeat: "monthlyLast", end: { count: 3 } }, lastFriday, zone)).toBe(
      "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3",
    );
    expect(parseRrule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20261222T225959Z", zone)).toEqual({
      repeat: "biweekly",
      end: { until: "2026-12-22" },
    });
    expect(parseRrule("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", zone)).toEqual({
      repeat: "monthlyLast",
      end: { count: 3 },
    });
    expect(parseRrule("FREQ=DAILY;COUNT=3", zone)).toBeNull();
    expect(parseRrule(null, zone)).toBeNull();
  });

  it("finds the series start and the calendar's EXDATEs, overrides and standalone dates", () => {
    const zone = "Asia/Shanghai";
    const starts = ["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"].map((d) =>
      at(`${d}T14:00`, zone),
    );
    const hour = 3_600_000;
    const rows = starts.map((start, index) => ({
      id: `o${index}`,
      originalStartsAt: start,
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * hour),
      status: "scheduled" as "scheduled" | "cancelled",
      detached: false,
    }));
    rows[1].status = "cancelled";
    rows[2] = {
      ...rows[2],
      startsAt: new Date(starts[2].getTime() + hour),
      endsAt: new Date(starts[2].getTime() + 3 * hour),
      detached: true,
    };
    // A date an earlier edit left off the rule: cancelled and detached, before the series.
    const orphanStart = at("2026-02-25T14:00", zone);
    const orphan = {
      id: "gone",
      originalStartsAt: orphanStart,
      startsAt: orphanStart,
      endsAt: new Date(orphanStart.getTime() + 2 * hour),
      status: "cancelled" as const,
      detached: true,
    };
    const all = [orphan, ...rows];
    const rrule = "FREQ=WEEKLY;COUNT=4";
    expect(seriesAnchor(rrule, zone, all)?.id).toBe("o0");
    const calendar = seriesForCalendar({ rrule, timeZone: zone }, all);
    expect(calendar?.start).toEqual(starts[0]);
    expect(calendar?.end).toEqual(new Date(starts[0].getTime() + 2 * hour));
    expect(calendar?.exdates).toEqual([starts[1]]);
    expect(calendar?.overrides.map((row) => row.id)).toEqual(["o2"]);
    expect(calendar?.standalone.map((row) => row.id)).toEqual(["gone"]);
    expect(seriesForCalendar({ rrule: null, timeZone: zone }, all)).toBeNull();
  });
});
