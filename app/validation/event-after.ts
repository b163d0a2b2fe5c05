import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { problemIdsIn } from "./event";

/** The organizers' after-the-event form: minutes and outcomes, follow-up problems. Messages are i18n keys. */

const m = (key: MessageKey) => key;
export const MINUTES_MAX = 20_000;
export const FOLLOW_UPS_MAX = 10;

export const minutesSchema = z.object({
  minutes: z.string().trim().max(MINUTES_MAX, m("eventAfter.error.minutesTooLong")).default(""),
  /** Pasted as problem links or ids, one or several per line, like the event form's linked problems. */
  followUps: z
    .string()
    .max(FOLLOW_UPS_MAX * 80, m("eventAfter.error.followUpsTooMany"))
    .optional()
    .transform((text) => problemIdsIn(text ?? ""))
    .refine((ids) => ids.length <= FOLLOW_UPS_MAX, m("eventAfter.error.followUpsTooMany")),
});

export type MinutesInput = z.infer<typeof minutesSchema>;
