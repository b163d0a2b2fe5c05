import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
  allianceNotificationLevels,
  alliances,
  memberships,
  notificationDigests,
  notificationPreferences,
  users,
} from "../../db/schema/index";
import type { Db, DbOrTx } from "~/utils/db.server";
import {
  deliveryFields,
  type DeliveryField,
  type NotificationPreferencesInput,
} from "~/validation/notification-preferences";
import {
  DEFAULT_DELIVERY,
  DEFAULT_LEVEL,
  reminderDelivery,
  setReminderDelivery,
} from "./notification-preferences.server";

export type AllianceChoice = { id: string; slug: string; nameZh: string; nameEn: string };

/** The settings page: the form's current values, and the alliances it offers a level for. */
export type NotificationSettings = { values: NotificationPreferencesInput; alliances: AllianceChoice[] };

const fields = Object.keys(deliveryFields) as DeliveryField[];

/** The alliances whose channels the user hears: active memberships of alliances still open. */
function activeAlliances(db: DbOrTx, userId: string) {
  return db
    .select({
      id: alliances.id,
      slug: alliances.slug,
      nameZh: alliances.nameZh,
      nameEn: alliances.nameEn,
      level: allianceNotificationLevels.level,
    })
    .from(memberships)
    .innerJoin(alliances, eq(alliances.id, memberships.allianceId))
    .leftJoin(
      allianceNotificationLevels,
      and(
        eq(allianceNotificationLevels.allianceId, memberships.allianceId),
        eq(allianceNotificationLevels.userId, memberships.userId),
      ),
    )
    .where(
      and(eq(memberships.userId, userId), eq(memberships.status, "active"), isNull(alliances.archivedAt)),
    )
    .orderBy(asc(alliances.position), asc(alliances.nameZh));
}

export async function getNotificationSettings(
  db: DbOrTx,
  userId: string,
): Promise<NotificationSettings | null> {
  const [[user], stored, joined] = await Promise.all([
    db
      .select({
        minutes: users.eventReminderMinutes,
        email: users.eventReminderEmail,
        digest: notificationDigests.enabled,
      })
      .from(users)
      .leftJoin(notificationDigests, eq(notificationDigests.userId, users.id))
      .where(eq(users.id, userId)),
    db
      .select({ type: notificationPreferences.type, delivery: notificationPreferences.delivery })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
    activeAlliances(db, userId),
  ]);
  if (!user) return null;
  const chosen = new Map(stored.map((row) => [row.type, row.delivery]));
  const values = {} as NotificationPreferencesInput;
  for (const field of fields) {
    const group = deliveryFields[field];
    values[field] =
      group === "event.reminder" ? reminderDelivery(user) : (chosen.get(group) ?? DEFAULT_DELIVERY);
  }
  values.alliances = joined.map((alliance) => ({ id: alliance.id, level: alliance.level ?? DEFAULT_LEVEL }));
  values.digest = user.digest ?? false;
  return {
    values,
    alliances: joined.map(({ id, slug, nameZh, nameEn }) => ({ id, slug, nameZh, nameEn })),
  };
}

/**
 * Saves the whole form at once. Levels are written only for alliances the user is active in: a level
 * for any other id (a membership that ended meanwhile, an edited form) is dropped.
 */
export async function saveNotificationSettings(
  db: Db,
  userId: string,
  input: NotificationPreferencesInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = fields
      .filter((field) => field !== "eventReminder")
      .map((field) => ({ userId, type: deliveryFields[field], delivery: input[field] }));
    await tx
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { delivery: sql`excluded.delivery` },
      });
    await setReminderDelivery(tx, userId, input.eventReminder);

    const active = new Set((await activeAlliances(tx, userId)).map((alliance) => alliance.id));
    // One row per alliance even if the form named one twice (the last wins), as one statement needs.
    const levels = new Map(
      input.alliances.filter((choice) => active.has(choice.id)).map((choice) => [choice.id, choice.level]),
    );
    if (levels.size > 0) {
      await tx
        .insert(allianceNotificationLevels)
        .values([...levels].map(([allianceId, level]) => ({ userId, allianceId, level })))
        .onConflictDoUpdate({
          target: [allianceNotificationLevels.userId, allianceNotificationLevels.allianceId],
          set: { level: sql`excluded.level` },
        });
    }

    await tx
      .insert(notificationDigests)
      .values({ userId, enabled: input.digest })
      .onConflictDoUpdate({ target: notificationDigests.userId, set: { enabled: input.digest } });
  });
}
