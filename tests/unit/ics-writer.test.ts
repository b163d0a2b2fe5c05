import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, fold, paramValue, serialize } from "~/ics/content-line";
import { vtimezone } from "~/ics/timezone";
import { localDateTime } from "~/ics/date-time";

describe("ics content lines", () => {
  it("escapes TEXT and quotes parameters", () => {
    expect(escapeText("a,b;c\\d\r\ne\u0007")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(paramValue("联盟: 甲")).toBe('"联盟: 甲"');
    expect(paramValue('say "hi"')).toBe("say 'hi'");
    expect(paramValue("Plain")).toBe("Plain");
  });

  it("folds at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"研讨会".repeat(30)}`;
    const lines = fold(line);
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, part] of lines.entries()) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      expect(part).not.toContain("\uFFFD");
    }
    expect(lines.map((part, i) => (i ? part.slice(1) : part)).join("")).toBe(line);
    expect(serialize(["A:1", "B:2"])).toBe("A:1\r\nB:2\r\n");
  });
});

describe("VTIMEZONE from Intl", () => {
  /** Reads each instant's wall-clock time back through the VTIMEZONE, as a calendar reads DTSTART;TZID. */
  const zoneAt = (timeZone: string, instants: Date[]) => {
    const lines = vtimezone(timeZone, instants[0], instants.at(-1)!);
    const text = serialize(["BEGIN:VCALENDAR", "VERSION:2.0", ...lines, "END:VCALENDAR"]);
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone")!);
    for (const instant of instants) {
      const time = ICAL.Time.fromDateTimeString(
        localDateTime(instant, timeZone).replace(
          /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/,
          "$1-$2-$3T$4:$5:$6",
        ),
      );
      time.zone = zone;
      expect(time.toJSDate().toISOString(), `${timeZone} at ${instant.toISOString()}`).toBe(
        instant.toISOString(),
      );
    }
    return text;
  };

  it("matches Intl's offsets on both sides of each change, north and south", () => {
    const weeks = (from: string, count: number) =>
      Array.from({ length: count }, (_, i) => new Date(new Date(from).getTime() + i * 7 * 86_400_000));
    // Beside weekly noons, the unambiguous minutes either side of each change.
    const berlin = [
      "2026-03-29T00:59:00Z",
      "2026-03-29T01:00:00Z",
      "2026-10-24T23:59:00Z",
      "2026-10-25T01:00:00Z",
    ];
    const text = zoneAt(
      "Europe/Berlin",
      [...weeks("2026-01-05T12:00:00Z", 100), ...berlin.map((t) => new Date(t))].sort((a, b) => +a - +b),
    );
    expect(text).toContain("DTSTART:20260329T020000");
    const newYork = [
      "2026-03-08T06:59:00Z",
      "2026-03-08T07:00:00Z",
      "2026-11-01T04:59:00Z",
      "2026-11-01T07:00:00Z",
    ];
    zoneAt(
      "America/New_York",
      [...weeks("2026-02-01T12:00:00Z", 60), ...newYork.map((t) => new Date(t))].sort((a, b) => +a - +b),
    );
    zoneAt("Australia/Sydney", weeks("2026-01-10T00:00:00Z", 60));
  });

  it("writes one standard observance for a zone without daylight saving", () => {
    const text = zoneAt("Asia/Shanghai", [
      new Date("2026-03-01T00:00:00Z"),
      new Date("2027-09-01T00:00:00Z"),
    ]);
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(text).not.toContain("DAYLIGHT");
  });
});
