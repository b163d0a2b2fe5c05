import { eq } from "drizzle-orm";
import { notifications, users } from "../../db/schema/index";
import { describeNotification } from "~/components/notifications/notification-text";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/translate";
import type { DbOrTx } from "~/utils/db.server";
import { localPath } from "~/validation/notification";
import { queueEmail, type OutgoingEmail } from "./email-outbox.server";
import type { JobInput } from "./jobs.server";

/**
 * A notification its reader wants by email. notify() runs inside other transactions and knows neither
 * the site's address nor, cheaply, the reader's; so it enqueues this job (keyed by the notification, so
 * one mail each), and the job writes the mail into the outbox.
 */
export const NOTIFICATION_EMAIL_KIND = "notification.email";

export function notificationEmailJob(notificationId: number): JobInput {
  return { kind: NOTIFICATION_EMAIL_KIND, key: String(notificationId), payload: { notificationId } };
}

/** Subjects quote the sentence up to this many characters. */
const SUBJECT_SUMMARY = 80;

type Stored = { type: string; data: Record<string, unknown>; href: string | null };

/** Where a notification leads, as a link in a mail: its own page on the site, else the list. */
export function notificationLink(notification: Stored, publicUrl: URL): string {
  return new URL(localPath(notification.href ?? undefined) ?? "/notifications", publicUrl).href;
}

export function notificationEmail(input: {
  to: string;
  locale: Locale;
  notification: Stored;
  publicUrl: URL;
}): OutgoingEmail {
  const { locale, notification, publicUrl } = input;
  const t = translator(locale);
  const { sentence, reason } = describeNotification(t, locale, notification);
  const summary = sentence.length > SUBJECT_SUMMARY ? `${sentence.slice(0, SUBJECT_SUMMARY - 1)}…` : sentence;
  const lines = [
    sentence,
    ...(reason ? [reason] : []),
    "",
    t("notificationPrefs.email.open", { url: notificationLink(notification, publicUrl) }),
    "",
    t("notificationPrefs.email.settings", { url: new URL("/settings/notifications", publicUrl).href }),
  ];
  return { to: input.to, subject: t("notificationPrefs.email.subject", { summary }), text: lines.join("\n") };
}

/** The job: the notification's mail in its reader's current language; nothing if it is gone. */
export async function sendNotificationEmail(
  tx: DbOrTx,
  input: { payload: unknown; publicUrl: URL },
): Promise<"queued" | "gone"> {
  const id = (input.payload as { notificationId?: unknown } | null)?.notificationId;
  if (typeof id !== "number" || !Number.isSafeInteger(id)) {
    throw new Error(`${NOTIFICATION_EMAIL_KIND}: malformed payload`);
  }
  const [row] = await tx
    .select({
      type: notifications.type,
      data: notifications.data,
      href: notifications.href,
      to: users.email,
      locale: users.locale,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id));
  if (!row) return "gone";
  await queueEmail(
    tx,
    notificationEmail({ to: row.to, locale: row.locale, notification: row, publicUrl: input.publicUrl }),
  );
  return "queued";
}
