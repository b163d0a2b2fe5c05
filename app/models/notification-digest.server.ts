import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { jobs, notificationDigests, notifications, users } from "../../db/schema/index";
import { describeNotification } from "~/components/notifications/notification-text";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import type { DbOrTx, Tx } from "~/utils/db.server";
import { queueEmail, type OutgoingEmail } from "./email-outbox.server";
import { notificationLink } from "./notification-email.server";

/**
 * The daily digest: one mail a day listing the notifications that arrived since the last one and are
 * still unread, for those who turned it on (a notification_digests row, enabled). An hourly planner
 * enqueues one job per user for the next 08:00 in Beijing; the job's key names the user and the day,
 * so planning again adds nothing, and the jobs table runs each job once however many processes poll.
 */
export const DIGEST_PLAN_KIND = "notifications.digest.plan";
export const DIGEST_KIND = "notifications.digest";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai, which keeps no daylight saving time. */
const HOME_OFFSET_MS = 8 * HOUR_MS;
const SEND_HOUR = 8;
/** A first digest looks back this far. */
const FIRST_LOOKBACK_MS = DAY_MS;
/** The mail lists this many; it counts the rest and links to the site. */
const DIGEST_ITEMS = 30;

/** The next 08:00 in Beijing at or after `now`, and that day's date (YYYY-MM-DD), which keys the job. */
export function nextDigestAt(now: Date): { day: string; at: Date } {
  const local = new Date(now.getTime() + HOME_OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let at = midnight + SEND_HOUR * HOUR_MS - HOME_OFFSET_MS;
  let day = midnight;
  if (at < now.getTime()) {
    at += DAY_MS;
    day += DAY_MS;
  }
  return { day: new Date(day).toISOString().slice(0, 10), at: new Date(at) };
}

/** Enqueues the next digest of everyone who wants one and has none queued for that day. */
export async function planDigests(tx: DbOrTx, now: Date): Promise<number> {
  const { day, at } = nextDigestAt(now);
  const key = sql`${notificationDigests.userId} || '/' || ${day}::text`;
  const rows = await tx.execute(sql`
    insert into ${jobs} (kind, key, payload, run_at)
    select ${DIGEST_KIND}::text, ${key}, jsonb_build_object('userId', ${notificationDigests.userId}, 'day', ${day}::text),
      ${at.toISOString()}::timestamptz
    from ${notificationDigests}
    where ${notificationDigests.enabled}
      -- Skipped here rather than by the conflict, which would still draw a job id per user every hour.
      and not exists (select 1 from ${jobs} where ${jobs.kind} = ${DIGEST_KIND} and ${jobs.key} = ${key})
    on conflict (kind, key) do nothing
    returning id`);
  return rows.length;
}

type DigestItem = { type: string; data: Record<string, unknown>; href: string | null };

export function digestEmail(input: {
  to: string;
  locale: Locale;
  items: DigestItem[];
  total: number;
  publicUrl: URL;
}): OutgoingEmail {
  const { locale, items, total, publicUrl } = input;
  const t = translator(locale);
  const link = (path: string) => new URL(path, publicUrl).href;
  const lines = [t("notificationPrefs.digest.intro"), ""];
  for (const item of items) {
    const { sentence } = describeNotification(t, locale, item);
    lines.push(`• ${sentence}`, `  ${notificationLink(item, publicUrl)}`);
  }
  lines.push("");
  if (total > items.length) {
    lines.push(
      t("notificationPrefs.digest.more", { count: total - items.length, url: link("/notifications") }),
    );
  } else {
    lines.push(t("notificationPrefs.digest.all", { url: link("/notifications") }));
  }
  lines.push("", t("notificationPrefs.digest.settings", { url: link("/settings/notifications") }));
  return {
    to: input.to,
    subject: t("notificationPrefs.digest.subject", { count: total }),
    text: lines.join("\n"),
  };
}

export type DigestResult = "sent" | "empty" | "off";

/**
 * One user's digest: nothing when they turned it off meanwhile or nothing new is unread; otherwise one
 * mail in their language, and the time it went out, which the next digest starts from.
 */
export async function sendDigest(
  tx: Tx,
  input: { payload: unknown; now: Date; publicUrl: URL },
): Promise<DigestResult> {
  const userId = (input.payload as { userId?: unknown } | null)?.userId;
  if (typeof userId !== "string") throw new Error(`${DIGEST_KIND}: malformed payload`);
  const [digest] = await tx
    .select({
      enabled: notificationDigests.enabled,
      lastSentAt: notificationDigests.lastSentAt,
      to: users.email,
      locale: users.locale,
    })
    .from(notificationDigests)
    .innerJoin(users, eq(users.id, notificationDigests.userId))
    .where(eq(notificationDigests.userId, userId))
    // Two digests of one user (days apart, after an outage) take turns, each seeing the other's time.
    .for("update", { of: notificationDigests });
  if (!digest?.enabled) return "off";
  const since = digest.lastSentAt ?? new Date(input.now.getTime() - FIRST_LOOKBACK_MS);
  const unread = await tx
    .select({
      type: notifications.type,
      data: notifications.data,
      href: notifications.href,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), gt(notifications.createdAt, since)),
    )
    .orderBy(desc(notifications.id))
    .limit(DIGEST_ITEMS);
  if (unread.length === 0) return "empty";
  await queueEmail(
    tx,
    digestEmail({
      to: digest.to,
      locale: digest.locale,
      items: unread,
      total: unread[0].total,
      publicUrl: input.publicUrl,
    }),
  );
  await tx
    .update(notificationDigests)
    .set({ lastSentAt: input.now })
    .where(eq(notificationDigests.userId, userId));
  return "sent";
}
