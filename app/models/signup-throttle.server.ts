import { and, asc, eq, gt, like, lt } from "drizzle-orm";
import { authFailures } from "../../db/schema/index";
import type { Db, Tx } from "~/utils/db.server";
import { lockThrottleKeys, retryAt } from "./login-throttle.server";

/**
 * Sign-ups per client address. Each one costs a 19 MiB argon2 hash and creates an account, so a
 * script must not be able to loop on it; the limit stays high enough for a seminar room behind one NAT.
 * Refused sign-ups count too: "this email is taken" would otherwise tell anyone, without limit, which
 * emails have accounts. The rows share the auth_failures table under their own key prefix.
 */
export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;
export const SIGNUP_IP_LIMIT = 30;

const PREFIX = "signup:";

/**
 * Counts a sign-up attempt from this address and returns null, or, when the address is over its limit,
 * counts nothing and returns when it may try again. The check and the count happen under the key's
 * lock, so parallel attempts cannot all pass the check before any is counted.
 */
export async function admitSignup(db: Db, ip: string): Promise<Date | null> {
  const key = PREFIX + ip;
  const now = new Date();
  return db.transaction(async (tx) => {
    await lockThrottleKeys(tx, [key]);
    const until = await blockedUntil(tx, key, now);
    if (until) return until;
    await tx.insert(authFailures).values({ key, at: now });
    await tx
      .delete(authFailures)
      .where(and(like(authFailures.key, `${PREFIX}%`), lt(authFailures.at, windowStart(now))));
    return null;
  });
}

async function blockedUntil(tx: Tx, key: string, now: Date): Promise<Date | null> {
  const rows = await tx
    .select({ at: authFailures.at })
    .from(authFailures)
    .where(and(eq(authFailures.key, key), gt(authFailures.at, windowStart(now))))
    .orderBy(asc(authFailures.at));
  const until = retryAt(
    rows.map((row) => row.at),
    SIGNUP_IP_LIMIT,
    SIGNUP_WINDOW_MS,
  );
  return until && until > now ? until : null;
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGNUP_WINDOW_MS);
}
