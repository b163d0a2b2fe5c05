import { offsetMinutes } from "~/utils/zoned-time";

/** iCalendar DATE-TIME and UTC-OFFSET values. */

const compact = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, "");

/** 20260308T060000Z */
export function utcDateTime(instant: Date): string {
  return `${compact(new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString())}Z`;
}

/** The wall-clock time of an instant in a zone, for DTSTART;TZID=…: 20260308T140000 */
export function localDateTime(instant: Date, timeZone: string): string {
  return localAtOffset(instant, offsetMinutes(instant, timeZone));
}

/** The wall-clock time of an instant at a fixed offset from UTC, in minutes. */
export function localAtOffset(instant: Date, offset: number): string {
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return compact(new Date(seconds + offset * 60_000).toISOString());
}

/** +0800, -0330 */
export function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** Zones that are plain UTC get Z times and no VTIMEZONE. */
export function isUtcZone(timeZone: string): boolean {
  return ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"].includes(timeZone);
}
