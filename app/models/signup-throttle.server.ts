import { and, asc, eq, gt, like, lt } from "drizzle-orm";
import { authFailures } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { retryAt } from "./login-throttle.server";

/**
 * Sign-ups per client address. Each one costs a 19 MiB argon2 hash and creates an account, so a
 * script must not be able to loop on it; the limit stays high enough for a seminar room behind one NAT.
 * The rows share the auth_failures table under their own key prefix.
 */
export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;
export const SIGNUP_IP_LIMIT = 30;

const PREFIX = "signup:";

export async function signupBlockedUntil(db: DbOrTx, ip: string, now = new Date()): Promise<Date | null> {
  const rows = await db
    .select({ at: authFailures.at })
    .from(authFailures)
    .where(and(eq(authFailures.key, PREFIX + ip), gt(authFailures.at, new Date(now.getTime() - SIGNUP_WINDOW_MS))))
    .orderBy(asc(authFailures.at));
  const until = retryAt(
    rows.map((row) => row.at),
    SIGNUP_IP_LIMIT,
    SIGNUP_WINDOW_MS,
  );
  return until && until > now ? until : null;
}

export async function recordSignup(db: DbOrTx, ip: string, now = new Date()): Promise<void> {
  await db.insert(authFailures).values({ key: PREFIX + ip, at: now });
  await db
    .delete(authFailures)
    .where(and(like(authFailures.key, `${PREFIX}%`), lt(authFailures.at, new Date(now.getTime() - SIGNUP_WINDOW_MS))));
}
