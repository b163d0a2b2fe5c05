import { and, asc, eq, gt, inArray, like, lt, or, sql } from "drizzle-orm";
import { authFailures } from "../../db/schema/index";
import type { Db, DbOrTx, Tx } from "~/utils/db.server";

/**
 * Log-in throttling. Each failed attempt is recorded twice, under the account (the email as typed,
 * whether or not it exists, so the throttle reveals nothing) and under the client address; either
 * key over its limit inside the window blocks further attempts, correct password or not.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 20;

export type ThrottleSubject = { email: string; ip: string };
export type Attempt<T> =
  { status: "ok"; value: T } | { status: "invalid" } | { status: "blocked"; until: Date };

/** Namespace of the advisory locks that serialize throttle checks per key (activity.server.ts uses 7_240_002). */
const THROTTLE_LOCK = 7_240_003;

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

/**
 * One password check under the throttle: `verify` returns what the right password opens, or null.
 *
 * Checking the count and recording a failure as separate steps let parallel requests all pass the
 * check first (40 parallel guesses once got 23 password checks against a limit of 5). So the attempt
 * is counted before the password is verified: one short transaction, holding advisory locks on the
 * account and address keys, checks both limits and records the attempt as a failure. A success then
 * takes its rows back. The password is verified outside that transaction: holding the locks and a
 * pooled connection through an argon2 hash would queue every log-in from one address (a seminar room
 * behind NAT) one hash at a time, and a burst could hold the whole pool. The price is that attempts
 * still in flight count as failures for a moment, and one whose check throws stays counted.
 */
export async function throttledAttempt<T>(
  db: Db,
  subject: ThrottleSubject,
  verify: () => Promise<T | null>,
): Promise<Attempt<T>> {
  const admitted = await admit(db, subject);
  if ("until" in admitted) return { status: "blocked", until: admitted.until };
  const value = await verify();
  if (value === null) return { status: "invalid" };
  // A success forgives the account's failures; the address keeps its record, less this attempt.
  await db
    .delete(authFailures)
    .where(or(eq(authFailures.key, accountKey(subject.email)), eq(authFailures.id, admitted.ipRowId)));
  return { status: "ok", value };
}

async function admit(db: Db, subject: ThrottleSubject): Promise<{ until: Date } | { ipRowId: number }> {
  const account = accountKey(subject.email);
  const ip = ipKey(subject.ip);
  const now = new Date();
  return db.transaction(async (tx) => {
    await lockThrottleKeys(tx, [account, ip]);
    const until = await blockedUntil(tx, { account, ip }, now);
    if (until) return { until };
    const rows = await tx
      .insert(authFailures)
      .values([
        { key: account, at: now },
        { key: ip, at: now },
      ])
      .returning({ id: authFailures.id, key: authFailures.key });
    await tx
      .delete(authFailures)
      .where(
        and(
          or(like(authFailures.key, "account:%"), like(authFailures.key, "ip:%")),
          lt(authFailures.at, windowStart(now)),
        ),
      );
    return { ipRowId: rows.find((row) => row.key === ip)!.id };
  });
}

/**
 * Takes the transaction-scoped locks of these throttle keys, in sorted order so that two
 * transactions locking overlapping keys never deadlock. Released at commit.
 */
export async function lockThrottleKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(${THROTTLE_LOCK}, hashtext(${key}))`);
  }
}

/** The time until which the account or address is blocked, or null when it may try now. */
async function blockedUntil(
  db: DbOrTx,
  keys: { account: string; ip: string },
  now: Date,
): Promise<Date | null> {
  const rows = await db
    .select({ key: authFailures.key, at: authFailures.at })
    .from(authFailures)
    .where(and(inArray(authFailures.key, [keys.account, keys.ip]), gt(authFailures.at, windowStart(now))))
    .orderBy(asc(authFailures.at));
  const times = (key: string) => rows.filter((row) => row.key === key).map((row) => row.at);
  const until = [retryAt(times(keys.account), ACCOUNT_LIMIT), retryAt(times(keys.ip), IP_LIMIT)]
    .filter((date): date is Date => date !== null && date > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return until[0] ?? null;
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE_WINDOW_MS);
}
