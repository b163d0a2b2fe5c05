import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import type { Db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { logOutOtherSessions } from "./account-sessions.server";
import { throttledAttempt, type Attempt } from "./login-throttle.server";
import { authenticate, type AccountUser } from "./users.server";

/**
 * Every place a password is typed, under the log-in throttle: guessing the current password from a
 * stolen session costs the same attempts as guessing at the log-in form.
 */

/**
 * Log-in: the account these credentials open, "invalid" (never saying which was wrong), blocked, or
 * "suspended" — told only to someone who typed the right password, so it reveals nothing to a guesser.
 */
export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<Attempt<AccountUser> | { status: "suspended" }> {
  const attempt = await throttledAttempt(db, { email: input.email, ip: input.ip }, () =>
    authenticate(db, input.email, input.password),
  );
  if (attempt.status !== "ok") return attempt;
  const { suspended, ...user } = attempt.value;
  return suspended ? { status: "suspended" } : { status: "ok", value: user };
}

/**
 * Replaces the password when `currentPassword` is right, then ends every other session of the user
 * and closes their sockets: whoever knew the old password is out.
 */
export async function changePassword(
  services: Pick<Services, "db" | "config" | "realtime">,
  input: {
    user: { id: string; email: string };
    ip: string;
    keepSessionId: string;
    currentPassword: string;
    newPassword: string;
  },
): Promise<Attempt<true>> {
  const { db } = services;
  const { user } = input;
  const checked = await throttledAttempt(db, { email: user.email, ip: input.ip }, async () => {
    const [row] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    return row && (await verifyPassword(row.passwordHash, input.currentPassword)) ? (true as const) : null;
  });
  if (checked.status !== "ok") return checked;
  const passwordHash = await hashPassword(input.newPassword);
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
  await logOutOtherSessions(services, user.id, input.keepSessionId);
  return checked;
}
