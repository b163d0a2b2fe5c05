import { describe, expect, it } from "vitest";
import { bucketStart, bucketStarts, parsePeriod, periodParams } from "~/models/insights/period";
import type { Period } from "~/models/insights/types";

/** 2025-03-31 16:30 UTC is already 1 April 00:30 in Shanghai. */
const now = new Date("2025-03-31T16:30:00Z");
const parse = (query: string) => parsePeriod(new URLSearchParams(query), now);
const period = (query: string): Period => {
  const result = parse(query);
  if (!result.ok) throw new Error(`refused ${query}: ${JSON.stringify(result.errors)}`);
  return result.period;
};

describe("dashboard periods", () => {
  it("defaults to the current month in Shanghai, not in UTC", () => {
    expect(period("")).toEqual({ kind: "month", from: "2025-04-01", to: "2025-04-30", bucket: "day" });
    expect(period("period=quarter")).toEqual({
      kind: "quarter",
      from: "2025-04-01",
      to: "2025-06-30",
      bucket: "week",
    });
    expect(period("period=year")).toMatchObject({ from: "2025-01-01", to: "2025-12-31", bucket: "month" });
  });

  it("reads months, quarters and years with their real last days", () => {
    expect(period("period=month&month=2024-02")).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
    expect(period("period=month&month=2025-12")).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
    expect(period("period=quarter&quarter=2024-Q4")).toMatchObject({ from: "2024-10-01", to: "2024-12-31" });
    expect(period("period=quarter&quarter=2025-Q1")).toMatchObject({ from: "2025-01-01", to: "2025-03-31" });
    expect(period("period=year&year=2023")).toEqual({
      kind: "year",
      from: "2023-01-01",
      to: "2023-12-31",
      bucket: "month",
    });
  });

  it("reads custom periods and picks the bucket by length", () => {
    expect(period("period=custom&from=2025-01-01&to=2025-03-03")).toMatchObject({ bucket: "day" }); // 62 days
    expect(period("period=custom&from=2025-01-01&to=2025-03-04")).toMatchObject({ bucket: "week" }); // 63
    expect(period("period=custom&from=2025-01-01&to=2025-07-09")).toMatchObject({ bucket: "week" }); // 190
    expect(period("period=custom&from=2025-01-01&to=2025-07-10")).toMatchObject({ bucket: "month" }); // 191
    expect(period("period=custom&from=2025-03-05&to=2025-03-05")).toEqual({
      kind: "custom",
      from: "2025-03-05",
      to: "2025-03-05",
      bucket: "day",
    });
    expect(period("period=custom&from=2022-04-02&to=2025-04-01")).toMatchObject({ bucket: "month" });
  });

  it("refuses bad values field by field, without throwing", () => {
    expect(parse("period=week")).toEqual({ ok: false, errors: { period: "insightsPeriod.invalid.period" } });
    expect(parse("period=month&month=2025-13")).toEqual({
      ok: false,
      errors: { month: "insightsPeriod.invalid.month" },
    });
    expect(parse("period=month&month=2025-3")).toMatchObject({
      errors: { month: "insightsPeriod.invalid.month" },
    });
    expect(parse("period=quarter&quarter=2025-Q5")).toMatchObject({
      errors: { quarter: "insightsPeriod.invalid.quarter" },
    });
    expect(parse("period=year&year=25")).toMatchObject({ errors: { year: "insightsPeriod.invalid.year" } });
    expect(parse("period=year&year=1999")).toMatchObject({ errors: { year: "insightsPeriod.outOfRange" } });
    expect(parse("period=year&year=2027")).toMatchObject({ errors: { year: "insightsPeriod.outOfRange" } });
    expect(parse("period=custom")).toEqual({
      ok: false,
      errors: { from: "insightsPeriod.required", to: "insightsPeriod.required" },
    });
    expect(parse("period=custom&from=2025-02-30&to=2025-03-01")).toEqual({
      ok: false,
      errors: { from: "insightsPeriod.invalid.day" },
    });
    expect(parse("period=custom&from=2025-03-02&to=2025-03-01")).toEqual({
      ok: false,
      errors: { to: "insightsPeriod.toBeforeFrom" },
    });
    expect(parse("period=custom&from=2022-04-01&to=2025-04-01")).toEqual({
      ok: false,
      errors: { to: "insightsPeriod.tooLong" },
    });
    expect(parse("period=custom&from=2026-01-01&to=2026-04-02")).toEqual({
      ok: false,
      errors: { to: "insightsPeriod.tooFar" },
    });
    expect(parse("period=custom&from=2026-01-01&to=2026-04-01")).toMatchObject({ ok: true });
    expect(parse("period=custom&from=<script>&to=x")).toMatchObject({
      errors: { from: "insightsPeriod.invalid.day", to: "insightsPeriod.invalid.day" },
    });
  });

  it("writes parameters that read back into the same period", () => {
    for (const query of [
      "period=month&month=2024-02",
      "period=quarter&quarter=2024-Q3",
      "period=year&year=2024",
      "period=custom&from=2024-01-15&to=2024-05-02",
    ]) {
      const original = period(query);
      expect(periodParams(original).toString()).toBe(query);
      expect(parsePeriod(periodParams(original), now)).toEqual({ ok: true, period: original });
    }
  });

  it("cuts the series into days, ISO weeks from Monday, or months, clipped to the period", () => {
    const quarter = period("period=quarter&quarter=2025-Q1");
    const weeks = bucketStarts(quarter);
    // 1 January 2025 is a Wednesday: the first point covers Wed–Sun, the next starts Monday 6 January.
    expect(weeks.slice(0, 3)).toEqual(["2025-01-01", "2025-01-06", "2025-01-13"]);
    expect(weeks).toHaveLength(14);
    expect(weeks.at(-1)).toBe("2025-03-31");
    expect(bucketStart(quarter, "2025-01-05")).toBe("2025-01-01");
    expect(bucketStart(quarter, "2025-01-12")).toBe("2025-01-06");
    expect(bucketStart(quarter, "2025-03-31")).toBe("2025-03-31");

    const month = period("period=month&month=2024-02");
    expect(bucketStarts(month)).toHaveLength(29);
    expect(bucketStart(month, "2024-02-17")).toBe("2024-02-17");

    const custom = period("period=custom&from=2024-01-15&to=2024-12-31");
    expect(bucketStarts(custom)).toEqual([
      "2024-01-15",
      ...["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2024-${m}-01`),
    ]);
    expect(bucketStart(custom, "2024-01-31")).toBe("2024-01-15");
  });
});
