import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, ne } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { sessions, users } from "../../db/schema/index";
import type { Locale } from "~/i18n/locales";
import type { Db } from "./db.server";
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
    getUserAttributes: (row) => ({
      email: row.email,
      displayName: row.displayName,
      locale: row.locale,
      platformRole: row.platformRole,
    }),
  });
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

/** Reads the session cookie from a Cookie header and validates it; extends it when due. */
export async function validateSessionCookie(
  deps: AuthDeps,
  cookieHeader: string | null | undefined,
): Promise<ValidSession | { user: null; setCookie?: string }> {
  const sessionId = lucia(deps).readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null };
  const { session, user } = await lucia(deps).validateSession(sessionId);
  if (!session) return { user: null, setCookie: lucia(deps).createBlankSessionCookie().serialize() };
  return {
    user: user as SessionUser,
    sessionId: session.id,
    setCookie: session.fresh ? lucia(deps).createSessionCookie(session.id).serialize() : undefined,
  };
}

/** Starts a session for the user and returns its Set-Cookie value. */
export async function startSession(deps: AuthDeps, userId: string): Promise<{ sessionId: string; setCookie: string }> {
  const session = await lucia(deps).createSession(userId, {});
  return { sessionId: session.id, setCookie: lucia(deps).createSessionCookie(session.id).serialize() };
}

/** Ends one session and returns the Set-Cookie value that clears it. */
export async function endSession(deps: AuthDeps, sessionId: string): Promise<string> {
  await lucia(deps).invalidateSession(sessionId);
  return lucia(deps).createBlankSessionCookie().serialize();
}

/** Ends every session of the user except `keepSessionId` (all of them when it is omitted). */
export async function endOtherSessions(deps: AuthDeps, userId: string, keepSessionId?: string): Promise<void> {
  await deps.db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

export async function countSessions(deps: AuthDeps, userId: string): Promise<number> {
  return (await lucia(deps).getUserSessions(userId)).length;
}
