import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

const invalid: MessageKey = "eventReminders.error.checkboxInvalid";
/** Conform reads a ticked box as true; an unticked one is not sent at all. */
const checkbox = z.boolean({ invalid_type_error: invalid }).default(false);

/** The settings form: which reminders, and whether they also come by email. */
export const reminderPreferencesSchema = z.object({
  dayBefore: checkbox,
  hourBefore: checkbox,
  email: checkbox,
});

export type ReminderPreferencesInput = z.infer<typeof reminderPreferencesSchema>;
