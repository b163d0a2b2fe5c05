import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  byDay,
  dayOf,
  dayStart,
  isDay,
  monthWeeks,
  spanOf,
  startOfWeek,
  weekDays,
} from "~/utils/calendar-grid";
import { zonedToUtc } from "~/utils/zoned-time";
import { calendarHref, parseCalendarQuery } from "~/validation/event-calendar";

const at = (local: string, zone: string) => zonedToUtc(local, zone)!;

describe("calendar grid", () => {
  it("reads days strictly", () => {
    for (const day of ["2026-02-28", "2028-02-29", "2026-12-31"]) expect(isDay(day)).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-13-01",
      "2026-1-01",
      "26-01-01",
      "0001-01-01",
      "",
      null,
      "2026-01-01x",
    ])
      expect(isDay(bad)).toBe(false);
  });

  it("starts weeks on Monday", () => {
    expect(startOfWeek("2026-12-03")).toBe("2026-11-30"); // a Thursday
    expect(startOfWeek("2026-11-30")).toBe("2026-11-30"); // a Monday
    expect(startOfWeek("2026-12-06")).toBe("2026-11-30"); // a Sunday stays in the week before it
    expect(weekDays("2027-01-01")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });

  it("lays a month out as whole weeks across its boundaries", () => {
    const december = monthWeeks("2026-12-15");
    expect(december.map((week) => week[0])).toEqual([
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
    ]);
    expect(december.at(-1)!.at(-1)).toBe("2027-01-03");
    // February 2027 begins on a Monday and ends on a Sunday: exactly four rows.
    expect(monthWeeks("2027-02-10")).toHaveLength(4);
    expect(monthWeeks("2027-02-10")[0][0]).toBe("2027-02-01");
    // August 2027 begins on a Sunday: six rows.
    expect(monthWeeks("2027-08-01")).toHaveLength(6);
    for (const week of monthWeeks("2028-02-01")) expect(week).toHaveLength(7);
    expect(monthWeeks("2028-02-01").flat()).toContain("2028-02-29");
  });

  it("steps months without overflowing short ones, and days across years", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("gives daylight-saving days 23 and 25 hours", () => {
    const spring = spanOf(["2027-03-28"], "Europe/Berlin");
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
    const autumn = spanOf(["2027-10-31"], "Europe/Berlin");
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000);
    const shanghai = spanOf(["2027-03-28"], "Asia/Shanghai");
    expect(shanghai.from.toISOString()).toBe("2027-03-27T16:00:00.000Z");
    expect(shanghai.to.getTime() - shanghai.from.getTime()).toBe(24 * 3_600_000);
    // Where midnight itself is skipped (Santiago, early September), the day starts at 01:00.
    expect(dayStart("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("puts occurrences on the viewer's days, long ones on every day they touch", () => {
    const days = weekDays("2027-10-27"); // 25 Oct to 31 Oct, DST ends in Berlin on the 31st
    const evening = {
      id: "late",
      startsAt: at("2027-10-26T23:30", "Europe/Berlin"),
      endsAt: at("2027-10-27T00:30", "Europe/Berlin"),
    };
    const visit = {
      id: "visit",
      startsAt: at("2027-10-29T09:00", "Europe/Berlin"),
      endsAt: at("2027-10-31T17:00", "Europe/Berlin"),
    };
    const toMidnight = {
      id: "midnight",
      startsAt: at("2027-10-25T20:00", "Europe/Berlin"),
      endsAt: at("2027-10-26T00:00", "Europe/Berlin"),
    };
    const before = {
      id: "before",
      startsAt: at("2027-10-24T10:00", "Europe/Berlin"),
      endsAt: at("2027-10-25T10:00", "Europe/Berlin"),
    };
    const placed = byDay([evening, visit, toMidnight, before], days, "Europe/Berlin");
    const ids = (day: string) => placed.get(day)!.map((item) => item.id);
    expect(ids("2027-10-25")).toEqual(["midnight", "before"]);
    expect(ids("2027-10-26")).toEqual(["late"]);
    expect(ids("2027-10-27")).toEqual(["late"]);
    expect(ids("2027-10-29")).toEqual(["visit"]);
    expect(ids("2027-10-30")).toEqual(["visit"]);
    expect(ids("2027-10-31")).toEqual(["visit"]);
    // The same evening in Shanghai falls on the next morning.
    const shanghai = byDay([evening], days, "Asia/Shanghai");
    expect(shanghai.get("2027-10-27")!.map((item) => item.id)).toEqual(["late"]);
    expect(shanghai.get("2027-10-26")).toEqual([]);
    expect(dayOf(evening.startsAt, "Asia/Shanghai")).toBe("2027-10-27");
  });

  it("keeps the calendar's state in short URLs and ignores junk", () => {
    const query = parseCalendarQuery(
      new URLSearchParams("view=week&date=2027-02-30&scope=registered&type=bogus&alliance=Robotics!"),
    );
    expect(query).toEqual({ view: "week", date: null, scope: "registered", alliance: null, type: null });
    const fine = parseCalendarQuery(
      new URLSearchParams("view=list&date=2027-02-03&alliance=robotics&type=seminar"),
    );
    expect(calendarHref(fine, { view: "month" })).toBe(
      "/calendar?date=2027-02-03&alliance=robotics&type=seminar",
    );
    expect(calendarHref(parseCalendarQuery(new URLSearchParams()), {})).toBe("/calendar");
  });
});
