import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { isLocalDateTime, isTimeZone, zonedToUtc } from "~/utils/zoned-time";
import { DURATION_MAX_MINUTES, TEXT_MAX } from "./event";

/**
 * Editing one date of a series: its times (wall clock in the event's zone, which the route passes in)
 * and its room. The output's times are instants.
 */
const m = (key: MessageKey) => key;

export function occurrenceSchema(timeZone: string) {
  return z
    .object({
      startsAt: z
        .string({ required_error: m("event.error.startRequired") })
        .refine(isLocalDateTime, m("event.error.dateTimeInvalid")),
      endsAt: z
        .string({ required_error: m("event.error.endRequired") })
        .refine(isLocalDateTime, m("event.error.dateTimeInvalid")),
      venueRoom: z.string().trim().max(TEXT_MAX, m("event.error.textTooLong")).optional(),
    })
    .superRefine((value, ctx) => {
      if (!isTimeZone(timeZone)) return;
      const start = zonedToUtc(value.startsAt, timeZone);
      const end = zonedToUtc(value.endsAt, timeZone);
      if (!start || !end) return;
      if (end <= start)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: m("event.error.endBeforeStart") });
      else if (end.getTime() - start.getTime() > DURATION_MAX_MINUTES * 60_000)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: m("event.error.tooLong") });
    })
    .transform((value) => ({
      startsAt: zonedToUtc(value.startsAt, timeZone)!,
      endsAt: zonedToUtc(value.endsAt, timeZone)!,
      venueRoom: value.venueRoom || null,
    }));
}

export type OccurrenceInput = z.infer<ReturnType<typeof occurrenceSchema>>;
