import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The inquiry forms: asking a provider about a resource, a message in the thread, and the decisions.
 * Messages are i18n keys. Whether the chosen problem is the asker's own and the chosen organization one
 * they represent needs the database: the model checks those.
 */

export const MESSAGE_MAX = 5_000;
export const INTENDED_USE_MAX = 1_000;

export const inquiryStatuses = ["open", "answered", "accepted", "declined", "withdrawn"] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/** Still waiting for the provider's decision: the thread goes on and the asker may withdraw. */
export const undecided: readonly InquiryStatus[] = ["open", "answered"];

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (max: number, missing: MessageKey, tooLong: MessageKey) =>
  z.string(required(missing)).trim().min(1, m(missing)).max(max, m(tooLong));

export const askSchema = z.object({
  message: text(MESSAGE_MAX, "inquiry.error.messageRequired", "inquiry.error.messageTooLong"),
  intendedUse: text(
    INTENDED_USE_MAX,
    "inquiry.error.intendedUseRequired",
    "inquiry.error.intendedUseTooLong",
  ),
  /** "For my problem": one of the asker's own problems, or left out. */
  problemId: z.string().regex(UUID, m("inquiry.error.problemInvalid")).optional(),
  /** Asking for an organization the asker represents, or left out (in one's own name). */
  orgId: z.string().regex(UUID, m("inquiry.error.orgInvalid")).optional(),
});
export type AskInput = z.infer<typeof askSchema>;

/** A message in the thread, from either side. */
export const inquiryMessageSchema = z.object({
  intent: z.literal("message"),
  body: text(MESSAGE_MAX, "inquiry.error.bodyRequired", "inquiry.error.bodyTooLong"),
});

/** The provider accepts or declines, the asker withdraws; each may say a last word. */
export const inquiryDecisions = ["accept", "decline", "withdraw"] as const;
export type InquiryDecision = (typeof inquiryDecisions)[number];

export const inquiryDecisionSchema = z.object({
  intent: z.enum(inquiryDecisions),
  note: z.string().trim().max(MESSAGE_MAX, m("inquiry.error.bodyTooLong")).default(""),
});

/** The list's filter: which side, which status. Anything unknown reads as "all". */
export const inquiryListSchema = z.object({
  side: z.enum(["sent", "received"]).catch("sent"),
  status: z.enum(inquiryStatuses).optional().catch(undefined),
});
