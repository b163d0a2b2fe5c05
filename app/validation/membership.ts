import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { INVITATION_DAYS, INVITATION_MAX_DAYS } from "~/models/invitation-limits";

/**
 * The membership forms' schemas, shared by the HTTP actions and the browser. Messages are i18n keys.
 */

export const JOIN_MESSAGE_MAX = 500;
export const REASON_MAX = 500;

const m = (key: MessageKey) => key;

const userId = z
  .string({ required_error: m("membership.error.userRequired") })
  .min(1)
  .max(100);
const reason = z.string().trim().max(REASON_MAX, m("membership.error.reasonTooLong")).default("");

/** Join, ask to join (with an optional note to the organizers), withdraw the request, or leave. */
export const membershipSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("join"),
    message: z.string().trim().max(JOIN_MESSAGE_MAX, m("membership.error.messageTooLong")).default(""),
  }),
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("leave") }),
]);

/** An organizer's decision on a request; a rejection says why, since the applicant is told. */
export const decisionSchema = z
  .object({ intent: z.enum(["approve", "reject"]), userId, reason })
  .refine((v) => v.intent === "approve" || v.reason.length > 0, {
    path: ["reason"],
    message: m("membership.error.reasonRequired"),
  });

/** Promote or demote to a role, or remove from the alliance. */
export const memberChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("role"),
    userId,
    role: z.enum(["chair", "organizer", "member"], {
      errorMap: () => ({ message: m("membership.error.roleInvalid") }),
    }),
    reason,
  }),
  z.object({ intent: z.literal("remove"), userId, reason }),
]);

/** An invitation by email, or a link to pass on; either lasts a number of days. */
export const invitationSchema = z
  .object({
    intent: z.literal("invite"),
    mode: z.enum(["email", "link"]),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, m("auth.error.emailTooLong"))
      .email(m("auth.error.emailInvalid"))
      .optional(),
    days: z.coerce
      .number({ invalid_type_error: m("membership.error.daysInvalid") })
      .int(m("membership.error.daysInvalid"))
      .min(1, m("membership.error.daysInvalid"))
      .max(INVITATION_MAX_DAYS, m("membership.error.daysInvalid"))
      .default(INVITATION_DAYS),
  })
  .refine((v) => v.mode === "link" || v.email !== undefined, {
    path: ["email"],
    message: m("auth.error.emailRequired"),
  });
