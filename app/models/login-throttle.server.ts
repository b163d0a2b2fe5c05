import { and, asc, eq, gt, inArray, like, lt, or } from "drizzle-orm";
import { authFailures } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

/**
 * Log-in throttling. Each failed attempt is recorded twice, under the account (the email as typed,
 * whether or not it exists, so the throttle reveals nothing) and under the client address; either
 * key over its limit inside the window blocks further attempts, correct password or not.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 20;

export type ThrottleSubject = { email: string; ip: string };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * When a key with these failures (oldest first, all inside the window) may try again; null when it
 * may now. It is the moment enough of the oldest failures leave the window to go below `limit`.
 */
export function retryAt(
  failures: readonly Date[],
  limit: number,
  windowMs = THROTTLE_WINDOW_MS,
): Date | null {
  if (failures.length < limit) return null;
  return new Date(failures[failures.length - limit].getTime() + windowMs);
}

/** The time until which this account or address is blocked, or null when it may try now. */
export async function blockedUntil(
  db: DbOrTx,
  subject: ThrottleSubject,
  now = new Date(),
): Promise<Date | null> {
  const account = accountKey(subject.email);
  const ip = ipKey(subject.ip);
  const rows = await db
    .select({ key: authFailures.key, at: authFailures.at })
    .from(authFailures)
    .where(and(inArray(authFailures.key, [account, ip]), gt(authFailures.at, windowStart(now))))
    .orderBy(asc(authFailures.at));
  const times = (key: string) => rows.filter((row) => row.key === key).map((row) => row.at);
  const until = [retryAt(times(account), ACCOUNT_LIMIT), retryAt(times(ip), IP_LIMIT)]
    .filter((date): date is Date => date !== null && date > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return until[0] ?? null;
}

/** Records a failed attempt against the account and the address, and drops rows that no longer count. */
export async function recordFailure(db: DbOrTx, subject: ThrottleSubject, now = new Date()): Promise<void> {
  await db.insert(authFailures).values([
    { key: accountKey(subject.email), at: now },
    { key: ipKey(subject.ip), at: now },
  ]);
  await db
    .delete(authFailures)
    .where(
      and(
        or(like(authFailures.key, "account:%"), like(authFailures.key, "ip:%")),
        lt(authFailures.at, windowStart(now)),
      ),
    );
}

/** A successful log-in forgives the account's failures; the address keeps its record. */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(authFailures).where(eq(authFailures.key, accountKey(email)));
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}
