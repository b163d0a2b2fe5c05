import { and, count, desc, eq, isNull, lt, type SQL } from "drizzle-orm";
import { notifications } from "../../db/schema/index";
import { userTopic } from "~/realtime/topics";
import type { DbOrTx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import { enqueueJobs } from "./jobs.server";
import { notificationEmailJob } from "./notification-email.server";
import { routeNotifications } from "./notification-preferences.server";

export type NotificationInput = {
  userId: string;
  /** Names the message; the reader's language words it from `data` (app/i18n/messages/notification.ts). */
  type: string;
  data: Record<string, unknown>;
  href?: string | null;
};

export type NotificationView = {
  id: number;
  type: string;
  data: Record<string, unknown>;
  href: string | null;
  read: boolean;
  createdAt: string;
};

/**
 * Stores a notification and tells the user's open pages, inside the caller's `transact`: the live
 * event leaves only once the notification has committed.
 */
export async function notify(tx: DbOrTx, publish: Publish, input: NotificationInput): Promise<void> {
  await notifyAll(tx, publish, [input]);
}

/**
 * Many notifications in one statement (a problem's followers, say), each told to its user's pages, as
 * each recipient's preferences say: `off` ones are neither stored nor told, `email` ones are also mailed
 * (by a job, which knows the site's address, in the reader's language).
 */
export async function notifyAll(tx: DbOrTx, publish: Publish, inputs: NotificationInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const routes = await routeNotifications(tx, inputs);
  const kept = inputs.filter((_, index) => routes[index] !== "off");
  const mailed = inputs.map((_, index) => routes[index]).filter((route) => route !== "off");
  if (kept.length === 0) return;
  const rows = await tx
    .insert(notifications)
    .values(
      kept.map((input) => ({
        userId: input.userId,
        type: input.type,
        data: input.data,
        href: input.href ?? null,
      })),
    )
    .returning({ id: notifications.id });
  rows.forEach((row, index) => {
    const input = kept[index];
    publish({
      topic: userTopic(input.userId),
      type: "notification",
      payload: { id: row.id, type: input.type, data: input.data, href: input.href ?? null },
    });
  });
  await enqueueJobs(
    tx,
    rows.filter((_, index) => mailed[index] === "email").map((row) => notificationEmailJob(row.id)),
  );
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** A user's notifications, newest first, a page at a time (`before` = last id of the previous page). */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  page: { before?: number; limit?: number } = {},
): Promise<{ items: NotificationView[]; nextBefore: number | null }> {
  const limit = page.limit ?? 30;
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (page.before) conditions.push(lt(notifications.id, page.before));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    type: r.type,
    data: r.data,
    href: r.href,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}

/** Marks one (or, without `id`, every) notification of the user read; another user's id changes nothing. */
export async function markRead(db: DbOrTx, userId: string, id?: number): Promise<void> {
  const conditions: SQL[] = [eq(notifications.userId, userId), isNull(notifications.readAt)];
  if (id !== undefined) conditions.push(eq(notifications.id, id));
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conditions));
}
