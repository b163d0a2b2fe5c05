import { describe, expect, it } from "vitest";
import {
  formatInZone,
  formatRangeInZone,
  isLocalDateTime,
  isTimeZone,
  offsetMinutes,
  sameOffset,
  utcToZoned,
  zonedToUtc,
} from "~/utils/zoned-time";

const iso = (local: string, zone: string) => zonedToUtc(local, zone)?.toISOString();

describe("zoned time", () => {
  it("knows IANA zones and refuses the rest", () => {
    for (const zone of ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "UTC"])
      expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "", "+08:00", "Asia/Shanghai; drop", 42, null])
      expect(isTimeZone(zone)).toBe(false);
  });

  it("reads local times strictly", () => {
    expect(isLocalDateTime("2026-03-08T14:00")).toBe(true);
    for (const bad of ["2026-02-30T10:00", "2026-03-08 14:00", "2026-03-08T24:00", "2026-3-8T14:00"])
      expect(isLocalDateTime(bad)).toBe(false);
    expect(zonedToUtc("2026-02-30T10:00", "Asia/Shanghai")).toBeNull();
    expect(zonedToUtc("2026-03-08T10:00", "Nowhere/City")).toBeNull();
  });

  it("converts Shanghai (no daylight saving) both ways", () => {
    expect(iso("2026-06-01T14:00", "Asia/Shanghai")).toBe("2026-06-01T06:00:00.000Z");
    expect(iso("2026-01-01T00:30", "Asia/Shanghai")).toBe("2025-12-31T16:30:00.000Z");
    expect(utcToZoned(new Date("2025-12-31T16:30:00Z"), "Asia/Shanghai")).toBe("2026-01-01T00:30");
  });

  it("moves a New York spring-forward gap time forward by the gap", () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist and reads as 03:30 EDT.
    expect(iso("2026-03-08T01:30", "America/New_York")).toBe("2026-03-08T06:30:00.000Z");
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(iso("2026-03-08T03:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(utcToZoned(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe("2026-03-08T03:30");
  });

  it("takes the earlier instant in a New York fall-back overlap", () => {
    // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens twice; the first (EDT) wins.
    expect(iso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(iso("2026-11-01T02:30", "America/New_York")).toBe("2026-11-01T07:30:00.000Z");
    expect(utcToZoned(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
  });

  it("handles Berlin's changes and round-trips ordinary times", () => {
    expect(iso("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(iso("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(offsetMinutes(new Date("2026-07-01T00:00:00Z"), "Europe/Berlin")).toBe(120);
    for (const local of ["2026-01-15T09:00", "2026-07-15T18:45"])
      expect(utcToZoned(zonedToUtc(local, "Europe/Berlin")!, "Europe/Berlin")).toBe(local);
  });

  it("formats ranges in the event's zone and compares zones", () => {
    const start = zonedToUtc("2026-06-01T14:00", "Asia/Shanghai")!;
    const end = zonedToUtc("2026-06-01T16:30", "Asia/Shanghai")!;
    const text = formatRangeInZone(start, end, { locale: "en", timeZone: "Asia/Shanghai" });
    expect(text).toMatch(/Jun 1, 2026/);
    expect(text).toMatch(/02:00\s?PM/);
    expect(text).toMatch(/04:30\s?PM \(GMT\+8\)$/);
    const zh = formatRangeInZone(start, end, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
    expect(zh).toMatch(/14:00 – 16:30 \(GMT\+8\)$/);
    expect(formatInZone(start, { locale: "zh-CN", timeZone: "Asia/Shanghai" })).toMatch(/14:00 \(GMT\+8\)$/);
    expect(text.match(/GMT/g)).toHaveLength(1);
    expect(sameOffset(start, "Asia/Shanghai", "Asia/Hong_Kong")).toBe(true);
    expect(sameOffset(start, "Asia/Shanghai", "Europe/Berlin")).toBe(false);
  });
});
