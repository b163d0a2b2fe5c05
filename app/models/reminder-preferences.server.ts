import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { ReminderPreferencesInput } from "~/validation/event-reminders";

/** The settings form's view of users.event_reminder_minutes: the two offsets it offers, each on or off. */
export function reminderPreferencesOf(row: { minutes: number[]; email: boolean }): ReminderPreferencesInput {
  return { dayBefore: row.minutes.includes(1440), hourBefore: row.minutes.includes(60), email: row.email };
}

export async function updateReminderPreferences(
  db: DbOrTx,
  userId: string,
  input: ReminderPreferencesInput,
): Promise<void> {
  const minutes = [...(input.dayBefore ? [1440] : []), ...(input.hourBefore ? [60] : [])];
  await db
    .update(users)
    .set({ eventReminderMinutes: minutes, eventReminderEmail: input.email, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
