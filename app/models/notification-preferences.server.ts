import { and, eq, inArray, sql } from "drizzle-orm";
import { allianceNotificationLevels, notificationPreferences, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { AllianceLevel, Delivery, PreferenceGroup } from "~/validation/notification-preferences";
import { isUuid } from "./topic-records.server";

/**
 * How each kind of notification reaches a user (in the app, also by email, or not at all) and how much
 * of each alliance's channels they hear. Every notify() passes through `routeNotifications`, so these
 * rules hold for every sender; channel code that picks its own recipients asks `channelLevels` and
 * `hearsChannel`, the same rule.
 */

/** An alliance without a row: mentions and replies, not every message. */
export const DEFAULT_LEVEL: AllianceLevel = "mentions";

/**
 * The groups a user chooses a delivery for (app/validation/notification-preferences.ts); each is stored as
 * its name in notification_preferences.type.
 * `event.reminder` is kept in the users row instead (event_reminder_minutes, event_reminder_email), where
 * the reminder jobs and the settings page's reminder form already read it: one place, two views.
 */
export type StoredGroup = Exclude<PreferenceGroup, "event.reminder">;

/** Everything arrives in the app until the user says otherwise. */
export const DEFAULT_DELIVERY: Delivery = "in_app";

/**
 * A moderator's decision about one's own post is always told: neither a preference nor an alliance's
 * level turns it off (a level mutes the channels' chatter, not what is done to one's words).
 */
const ALWAYS_TOLD = new Set([
  "problem.hidden",
  "problem.reply_hidden",
  "channel.message_hidden",
  "resource.hidden",
]);
const CHANNEL_GROUPS = new Set<string>(["channel.mention", "channel.reply", "channel.message"]);

/** The group a notification type belongs to; null for types no preference governs. */
export function groupOf(type: string): PreferenceGroup | null {
  if (ALWAYS_TOLD.has(type)) return null;
  if (type === "event.reminder") return "event.reminder";
  if (CHANNEL_GROUPS.has(type)) return type as PreferenceGroup;
  if (type === "alliance.chair_appointed") return "membership";
  const prefix = type.slice(0, type.indexOf("."));
  if (prefix === "resource" || prefix === "inquiry") return "resource";
  return prefix === "problem" || prefix === "membership" || prefix === "event" ? prefix : null;
}

/**
 * Whether a channel notification of this type reaches someone at this level for its alliance: `none`
 * silences the alliance's channels, `mentions` lets mentions and replies through, `all` also each
 * channel's new messages.
 */
export function hearsChannel(level: AllianceLevel, type: string): boolean {
  if (level === "none") return false;
  return level === "all" || type !== "channel.message";
}

/** Each user's level for one alliance (the default for those without a row), in one query. */
export async function channelLevels(
  db: DbOrTx,
  userIds: readonly string[],
  allianceId: string,
): Promise<Map<string, AllianceLevel>> {
  const levels = new Map<string, AllianceLevel>(userIds.map((id) => [id, DEFAULT_LEVEL]));
  if (userIds.length === 0 || !isUuid(allianceId)) return levels;
  const rows = await db
    .select({ userId: allianceNotificationLevels.userId, level: allianceNotificationLevels.level })
    .from(allianceNotificationLevels)
    .where(
      and(
        eq(allianceNotificationLevels.allianceId, allianceId),
        inArray(allianceNotificationLevels.userId, [...new Set(userIds)]),
      ),
    );
  for (const row of rows) levels.set(row.userId, row.level);
  return levels;
}

export type Routable = { userId: string; type: string; data: Record<string, unknown> };

/** The alliance a channel notification comes from, if it names one. */
function channelAlliance(input: Routable): string | null {
  if (!input.type.startsWith("channel.") || ALWAYS_TOLD.has(input.type)) return null;
  const allianceId = input.data.allianceId;
  return typeof allianceId === "string" && isUuid(allianceId) ? allianceId : null;
}

/**
 * The delivery of each notification of a batch, in order: `off` ones are dropped, `email` ones also
 * mailed. One query covers every recipient's preferences and alliance levels; a batch no preference
 * can touch costs none.
 */
export async function routeNotifications(db: DbOrTx, inputs: readonly Routable[]): Promise<Delivery[]> {
  const groups = inputs.map((input) => groupOf(input.type));
  const alliances = inputs.map(channelAlliance);
  const stored = [...new Set(groups.filter((g): g is StoredGroup => g !== null && g !== "event.reminder"))];
  const allianceIds = [...new Set(alliances.filter((id): id is string => id !== null))];
  if (stored.length === 0 && allianceIds.length === 0) return inputs.map(() => DEFAULT_DELIVERY);

  const userIds = [...new Set(inputs.map((input) => input.userId))];
  // Group names and alliance ids cannot collide, so one union answers both questions.
  const preferences = db
    .select({
      userId: notificationPreferences.userId,
      key: notificationPreferences.type,
      value: sql<string>`${notificationPreferences.delivery}::text`,
    })
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.userId, userIds), inArray(notificationPreferences.type, stored)),
    );
  const levels = db
    .select({
      userId: allianceNotificationLevels.userId,
      key: sql<string>`${allianceNotificationLevels.allianceId}::text`,
      value: sql<string>`${allianceNotificationLevels.level}::text`,
    })
    .from(allianceNotificationLevels)
    .where(
      and(
        inArray(allianceNotificationLevels.userId, userIds),
        inArray(allianceNotificationLevels.allianceId, allianceIds),
      ),
    );
  const rows =
    stored.length === 0
      ? await levels
      : allianceIds.length === 0
        ? await preferences
        : await preferences.unionAll(levels);
  const chosen = new Map(rows.map((row) => [`${row.userId}/${row.key}`, row.value]));

  return inputs.map((input, i) => {
    const allianceId = alliances[i];
    if (allianceId) {
      const level = (chosen.get(`${input.userId}/${allianceId}`) ?? DEFAULT_LEVEL) as AllianceLevel;
      if (!hearsChannel(level, input.type)) return "off";
    }
    const group = groups[i];
    // Reminders are chosen and mailed by the reminder job itself (users.event_reminder_*).
    if (group === null || group === "event.reminder") return DEFAULT_DELIVERY;
    return (chosen.get(`${input.userId}/${group}`) ?? DEFAULT_DELIVERY) as Delivery;
  });
}

/** The reminder row's settings seen as one delivery: no offsets is off, email on is email. */
export function reminderDelivery(row: { minutes: number[]; email: boolean }): Delivery {
  if (row.minutes.length === 0) return "off";
  return row.email ? "email" : "in_app";
}

/**
 * Writes a delivery for reminders into the users row. Turning them on again brings back both offsets;
 * offsets the user chose stay as they are.
 */
export async function setReminderDelivery(db: DbOrTx, userId: string, delivery: Delivery): Promise<void> {
  await db
    .update(users)
    .set(
      delivery === "off"
        ? { eventReminderMinutes: [], updatedAt: new Date() }
        : {
            eventReminderMinutes: sql`case when cardinality(${users.eventReminderMinutes}) = 0
              then '{1440,60}'::integer[] else ${users.eventReminderMinutes} end`,
            eventReminderEmail: delivery === "email",
            updatedAt: new Date(),
          },
    )
    .where(eq(users.id, userId));
}
