import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/** Reporting and moderating problems and replies. Messages are i18n keys. */

export const REASON_MAX = 500;
export const reportSubjects = ["problem", "problem_reply"] as const;
export type ReportSubject = (typeof reportSubjects)[number];

const m = (key: MessageKey) => key;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const reason = z
  .string({
    required_error: m("problemCare.reason.required"),
    invalid_type_error: m("problemCare.reason.required"),
  })
  .trim()
  .min(1, m("problemCare.reason.required"))
  .max(REASON_MAX, m("problemCare.reason.tooLong"));

const subject = {
  subjectType: z.enum(reportSubjects, {
    errorMap: () => ({ message: m("problemCare.report.subjectUnknown") }),
  }),
  subjectId: z
    .string({ required_error: m("problemCare.report.subjectUnknown") })
    .regex(UUID, m("problemCare.report.subjectUnknown")),
};

export const reportSchema = z.object({ ...subject, reason });

/** Hiding and restoring need a reason, told to the author and kept in the log. */
export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide"), ...subject, reason }),
  z.object({ intent: z.literal("restore"), ...subject, reason }),
  z.object({
    intent: z.literal("dismiss"),
    reportId: z.coerce
      .number({ invalid_type_error: m("problemCare.moderate.subjectUnknown") })
      .int()
      .positive(),
  }),
]);

export type ReportInput = z.infer<typeof reportSchema>;
export type ModerationInput = z.infer<typeof moderationSchema>;
