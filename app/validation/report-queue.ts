import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The review queue's decision form and its list filters. Messages are i18n keys. The subject's id is
 * only required here: one that is not a UUID names nothing, which the decision answers with a 404.
 */

export const DECISION_REASON_MAX = 500;
export const queueSubjectTypes = ["problem", "problem_reply", "channel_message", "resource"] as const;
export type QueueSubjectType = (typeof queueSubjectTypes)[number];
export const queueStatuses = ["open", "decided"] as const;
export type QueueStatus = (typeof queueStatuses)[number];

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });

const subject = {
  subjectType: z.enum(queueSubjectTypes, {
    errorMap: () => ({ message: m("reportQueue.error.subjectUnknown") }),
  }),
  subjectId: z.string(required("reportQueue.error.subjectUnknown")),
};

/** Hiding needs a reason (told to the author, kept in the log); restoring may give one; dismissing closes the open reports. */
export const decisionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("hide"),
      ...subject,
      reason: z
        .string(required("reportQueue.error.reasonRequired"))
        .trim()
        .min(1, m("reportQueue.error.reasonRequired"))
        .max(DECISION_REASON_MAX, m("reportQueue.error.reasonTooLong")),
    }),
    z.object({
      intent: z.literal("restore"),
      ...subject,
      reason: z.string().trim().max(DECISION_REASON_MAX, m("reportQueue.error.reasonTooLong")).optional(),
    }),
    z.object({ intent: z.literal("dismiss"), ...subject }),
  ],
  { errorMap: () => ({ message: m("reportQueue.error.intentUnknown") }) },
);

export type DecisionInput = z.infer<typeof decisionSchema>;

/** The list's query string; anything unreadable falls back to the first page of open reports of every kind. */
const filtersSchema = z.object({
  status: z.enum(queueStatuses).catch("open"),
  kind: z.enum(queueSubjectTypes).optional().catch(undefined),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

export type QueueFilters = z.infer<typeof filtersSchema>;

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  return filtersSchema.parse({
    status: params.get("status") ?? undefined,
    kind: params.get("kind") || undefined,
    before: params.get("before") || undefined,
  });
}
