import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { calendarFeeds, users } from "../../db/schema/index";
import type { Locale } from "~/i18n/locales";
import type { DbOrTx } from "~/utils/db.server";

/**
 * A user's private calendar feed: the URL carries a 32-byte random token, the database only its
 * SHA-256, so the URL is shown once, when made. Making a new one replaces the old (which stops
 * working at once); revoking deletes it.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export type FeedOwner = { id: string; platformRole: "admin" | null; locale: Locale };

/** A fresh token for the user, replacing any earlier one. */
export async function issueFeedToken(db: DbOrTx, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash: hash(token), createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hash(token), createdAt: now } });
  return token;
}

export async function revokeFeed(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/** When the user's current feed URL was made; null when they have none. */
export async function feedCreatedAt(db: DbOrTx, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return row?.createdAt ?? null;
}

/** Whose feed a token opens; null for malformed, unknown or revoked tokens. */
export async function feedOwner(db: DbOrTx, token: string): Promise<FeedOwner | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({ id: users.id, platformRole: users.platformRole, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hash(token)));
  return row ?? null;
}

/** The https address and the webcal:// one calendar apps subscribe to. */
export function feedUrls(token: string, publicUrl: URL): { https: string; webcal: string } {
  const https = new URL(`/calendar/${token}.ics`, publicUrl).toString();
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
