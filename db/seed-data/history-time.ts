import crypto from "node:crypto";
import { utcToZoned, zonedToUtc } from "~/utils/zoned-time";

/**
 * What the demo's year of history is drawn with: fixed ids and a fixed sequence of "random" numbers per
 * record, so a second seed recognizes every row, and times on working days in the plan's time zone.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** A stable name-based UUID per history record, in its own namespace. */
export function historyId(key: string): string {
  const hex = crypto.createHash("sha1").update(`qilian-demo-history:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type Random = {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in a shuffled order. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(p: number): boolean;
};

/** mulberry32, seeded from the key: the same key draws the same numbers on every run and machine. */
export function random(key: string): Random {
  let state = crypto.createHash("sha1").update(`qilian-demo-history-random:${key}`).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    sample(items, count) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.max(0, count));
    },
    chance: (p) => next() < p,
  };
}

const ZONE = "Asia/Shanghai";

/** A time during office hours (09:00–17:59 in Shanghai) on the day `daysAgo` days before `now`, moved off weekends. */
export function officeTime(now: number, daysAgo: number, rnd: Random): Date {
  const day = new Date(now - Math.round(daysAgo) * DAY_MS);
  const weekday = new Date(`${utcToZoned(day, ZONE).slice(0, 10)}T00:00:00Z`).getUTCDay();
  const shifted = weekday === 6 ? -DAY_MS : weekday === 0 ? -2 * DAY_MS : 0;
  const date = utcToZoned(new Date(day.getTime() + shifted), ZONE).slice(0, 10);
  const time = `${String(rnd.int(9, 17)).padStart(2, "0")}:${String(rnd.int(0, 59)).padStart(2, "0")}`;
  return zonedToUtc(`${date}T${time}`, ZONE)!;
}

/** A wall-clock time in Shanghai on the day `daysAgo` days before `now`. */
export function shanghaiTime(now: number, daysAgo: number, time: string): Date {
  const date = utcToZoned(new Date(now - Math.round(daysAgo) * DAY_MS), ZONE).slice(0, 10);
  return zonedToUtc(`${date}T${time}`, ZONE)!;
}

/**
 * Where the i-th of n records falls, in days before now, between `newest` and `oldest`: denser towards
 * the present (`growth` > 1), as a platform gains users, with a little jitter.
 */
export function spreadDaysAgo(
  i: number,
  n: number,
  range: { oldest: number; newest: number; growth: number },
  rnd: Random,
): number {
  const position = ((i + 0.5) / n) ** (1 / range.growth);
  const days = range.oldest - (range.oldest - range.newest) * position + (rnd.next() - 0.5) * 4;
  return Math.min(range.oldest, Math.max(range.newest, days));
}

/** Never later than `latest`: history stays in the past however the draw falls. */
export const notAfter = (at: number, latest: number) => new Date(Math.min(at, latest));
