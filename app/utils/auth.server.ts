import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema/index";
import type { Locale } from "~/i18n/locales";
import type { Db, DbOrTx } from "./db.server";
import type { Config } from "./env.server";

/**
 * Every call into lucia lives in this module (docs/decisions/0003-lucia-behind-one-module.md): lucia 3.2.2
 * is its last release, so the rest of the app sees only these functions and could move to plain session code.
 */

export const SESSION_COOKIE = "qilian_session";

type UserRow = typeof users.$inferSelect;

function createLucia(db: Db, config: Pick<Config, "secureCookies">) {
  return new Lucia(new DrizzlePostgreSQLAdapter(db, sessions, users), {
    // Lucia extends a session once half of this has passed: a 30-day sliding window.
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: config.secureCookies, sameSite: "lax" },
    },
    // `suspended` only lets validateSessionCookie refuse the session; SessionUser leaves it out.
    getUserAttributes: (row) => ({ ...userAttributes(row), suspended: row.suspendedAt !== null }),
  });
}

function userAttributes(row: Pick<UserRow, "email" | "displayName" | "locale" | "platformRole">) {
  return {
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    platformRole: row.platformRole,
  };
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: Omit<UserRow, "id">;
  }
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  platformRole: "admin" | null;
};

type AuthDeps = { db: Db; config: Pick<Config, "secureCookies"> };

const instances = new WeakMap<Db, ReturnType<typeof createLucia>>();
function lucia({ db, config }: AuthDeps) {
  let instance = instances.get(db);
  if (!instance) {
    instance = createLucia(db, config);
    instances.set(db, instance);
  }
  return instance;
}

export type ValidSession = {
  user: SessionUser;
  sessionId: string;
  /** A Set-Cookie value when the session was extended or must be cleared; send it with the response. */
  setCookie?: string;
};

export type SessionCheck = ValidSession | { user: null; setCookie?: string };

/**
 * Reads the session cookie from a Cookie header and validates it; extends it when due. Only for HTTP
 * requests, once each (app/utils/session.server.ts), whose response then carries `setCookie`.
 */
export async function validateSessionCookie(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
): Promise<SessionCheck> {
  const sessionId = lucia(deps).readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null };
  const { session, user } = await lucia(deps).validateSession(sessionId);
  if (!session) return { user: null, setCookie: lucia(deps).createBlankSessionCookie().serialize() };
  // Suspending deletes the account's sessions; one started by a log-in racing the suspension ends here.
  if (user.suspended) {
    await lucia(deps).invalidateSession(session.id);
    return { user: null, setCookie: lucia(deps).createBlankSessionCookie().serialize() };
  }
  const { suspended: _suspended, ...sessionUser } = user;
  return {
    user: sessionUser as SessionUser,
    sessionId: session.id,
    setCookie: session.fresh ? lucia(deps).createSessionCookie(session.id).serialize() : undefined,
  };
}

/**
 * Reads the session cookie and checks its session without extending it. For sockets: lucia writes the
 * extension to the database, but a socket has no response to carry the new cookie, so extending there
 * would leave the browser's cookie to expire at its old date while the row lives on.
 */
export async function checkSessionCookie(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
): Promise<{ user: SessionUser; sessionId: string } | null> {
  const sessionId = lucia(deps).readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return null;
  const [row] = await deps.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      platformRole: users.platformRole,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date()), isNull(users.suspendedAt)));
  return row ? { user: { id: row.id, ...userAttributes(row) }, sessionId } : null;
}

/** Deletes the sessions past their expiry: lucia deletes one only when its cookie comes back. */
export async function deleteExpiredSessions(deps: AuthDeps): Promise<void> {
  await lucia(deps).deleteExpiredSessions();
}

/** Starts a session for the user and returns its Set-Cookie value. */
export async function startSession(
  deps: AuthDeps,
  userId: string,
): Promise<{ sessionId: string; setCookie: string }> {
  const session = await lucia(deps).createSession(userId, {});
  return { sessionId: session.id, setCookie: lucia(deps).createSessionCookie(session.id).serialize() };
}

/** Ends one session and returns the Set-Cookie value that clears it. */
export async function endSession(deps: AuthDeps, sessionId: string): Promise<string> {
  await lucia(deps).invalidateSession(sessionId);
  return lucia(deps).createBlankSessionCookie().serialize();
}

/** Ends every session of the user except `keepSessionId` (all of them when it is omitted). */
export async function endOtherSessions(
  deps: { db: DbOrTx },
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  await deps.db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    );
}

export async function countSessions(deps: AuthDeps, userId: string): Promise<number> {
  return (await lucia(deps).getUserSessions(userId)).length;
}
