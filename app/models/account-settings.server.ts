import { eq } from "drizzle-orm";
import { calendarFeeds, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { ReminderPreferencesInput } from "~/validation/event-reminders";
import { reminderPreferencesOf } from "./reminder-preferences.server";
import type { Privacy } from "./users.server";

export type AccountSettings = {
  privacy: Privacy;
  reminders: ReminderPreferencesInput;
  /** When the private calendar feed was made; null when the user has none. */
  calendarFeedCreatedAt: Date | null;
};

/** What the settings page shows from the user's own row, in one query. */
export async function getAccountSettings(db: DbOrTx, userId: string): Promise<AccountSettings | null> {
  const [row] = await db
    .select({
      hideEmail: users.hideEmail,
      listedInDirectory: users.listedInDirectory,
      minutes: users.eventReminderMinutes,
      email: users.eventReminderEmail,
      calendarFeedCreatedAt: calendarFeeds.createdAt,
    })
    .from(users)
    .leftJoin(calendarFeeds, eq(calendarFeeds.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return null;
  return {
    privacy: { hideEmail: row.hideEmail, listedInDirectory: row.listedInDirectory },
    reminders: reminderPreferencesOf(row),
    calendarFeedCreatedAt: row.calendarFeedCreatedAt,
  };
}
