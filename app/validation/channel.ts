import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * Organizers' channel forms (create, settings, members) and reporting and moderating messages, run by
 * the actions and, with JavaScript, in the browser. Messages are i18n keys; conform turns an empty
 * field into `undefined`.
 */

export const CHANNEL_NAME_MAX = 60;
export const CHANNEL_SLUG_MAX = 60;
export const CHANNEL_DESCRIPTION_MAX = 500;
export const MODERATION_REASON_MAX = 500;
/** More invitees in one submission cannot be meant; the cap bounds the work one request asks for. */
export const INVITEES_MAX = 500;

export const channelKinds = ["open", "private"] as const;
export type ChannelKindChoice = (typeof channelKinds)[number];

/** Lowercase words joined by single hyphens, as alliance slugs are. */
export const CHANNEL_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** User ids are lucia's (text); anything longer or stranger names nobody. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });

const name = z
  .string(required("channelAdmin.error.nameRequired"))
  .trim()
  .min(1, m("channelAdmin.error.nameRequired"))
  .max(CHANNEL_NAME_MAX, m("channelAdmin.error.nameTooLong"));

const description = z
  .string()
  .trim()
  .max(CHANNEL_DESCRIPTION_MAX, m("channelAdmin.error.descriptionTooLong"))
  .optional();

const kind = z.enum(channelKinds, { errorMap: () => ({ message: m("channelAdmin.error.kindInvalid") }) });

const userIds = z
  .array(z.string().regex(USER_ID, m("channelAdmin.error.membersInvalid")), {
    invalid_type_error: m("channelAdmin.error.membersInvalid"),
  })
  .max(INVITEES_MAX, m("channelAdmin.error.membersTooMany"));

export const channelCreateSchema = z.object({
  name,
  /** Left empty, it is made from the name. */
  slug: z
    .string()
    .trim()
    .max(CHANNEL_SLUG_MAX, m("channelAdmin.error.slugInvalid"))
    .regex(CHANNEL_SLUG, m("channelAdmin.error.slugInvalid"))
    .optional(),
  description,
  kind,
  /** Who a private channel is for besides its creator; ignored for an open channel. */
  members: userIds.default([]),
});

/** The settings form; `kind` is absent for #general, whose kind is fixed. */
export const channelEditSchema = z.object({
  intent: z.literal("save"),
  name,
  description,
  kind: kind.optional(),
});

export const channelArchiveSchema = z.object({ intent: z.enum(["archive", "unarchive"]) });

export const channelInviteSchema = z.object({
  intent: z.literal("invite"),
  members: userIds.min(1, m("channelAdmin.error.membersRequired")),
});

export const channelRemoveSchema = z.object({
  intent: z.literal("remove"),
  userId: z
    .string(required("channelAdmin.error.memberUnknown"))
    .regex(USER_ID, m("channelAdmin.error.memberUnknown")),
});

const reason = z
  .string(required("channelAdmin.error.reasonRequired"))
  .trim()
  .min(1, m("channelAdmin.error.reasonRequired"))
  .max(MODERATION_REASON_MAX, m("channelAdmin.error.reasonTooLong"));

const messageId = z
  .string(required("channelAdmin.error.messageUnknown"))
  .regex(UUID, m("channelAdmin.error.messageUnknown"));

export const messageReportSchema = z.object({ messageId, reason });

/** Hiding needs a reason (shown in the message's place and kept in the log); restoring may give one. */
export const messageModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide"), messageId, reason }),
  z.object({
    intent: z.literal("restore"),
    messageId,
    reason: z.string().trim().max(MODERATION_REASON_MAX, m("channelAdmin.error.reasonTooLong")).optional(),
  }),
  z.object({
    intent: z.literal("dismiss"),
    reportId: z.coerce
      .number({ invalid_type_error: m("channelAdmin.error.reportUnknown") })
      .int(m("channelAdmin.error.reportUnknown"))
      .positive(m("channelAdmin.error.reportUnknown"))
      .max(Number.MAX_SAFE_INTEGER, m("channelAdmin.error.reportUnknown")),
  }),
]);

export type ChannelCreateInput = z.infer<typeof channelCreateSchema>;
export type ChannelEditInput = z.infer<typeof channelEditSchema>;
export type MessageReportInput = z.infer<typeof messageReportSchema>;
export type MessageModerationInput = z.infer<typeof messageModerationSchema>;
