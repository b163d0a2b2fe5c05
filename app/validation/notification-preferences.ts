import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/** The notification settings form: a delivery per group, a level per alliance, the daily digest. */

export const deliveries = ["in_app", "email", "off"] as const;
export type Delivery = (typeof deliveries)[number];

export const allianceLevels = ["all", "mentions", "none"] as const;
export type AllianceLevel = (typeof allianceLevels)[number];

/** Each form field and the preference group it sets (group names have dots, which form paths cannot). */
export const deliveryFields = {
  channelMention: "channel.mention",
  channelReply: "channel.reply",
  channelMessage: "channel.message",
  problem: "problem",
  membership: "membership",
  event: "event",
  eventReminder: "event.reminder",
  resource: "resource",
} as const;
export type DeliveryField = keyof typeof deliveryFields;
export type PreferenceGroup = (typeof deliveryFields)[DeliveryField];

/** At most this many alliances in one submission: far more than anyone belongs to. */
const MAX_ALLIANCES = 500;

const m = (key: MessageKey) => key;
const delivery = z.enum(deliveries, { errorMap: () => ({ message: m("notificationPrefs.error.delivery") }) });

export const notificationPreferencesSchema = z.object({
  channelMention: delivery,
  channelReply: delivery,
  channelMessage: delivery,
  problem: delivery,
  membership: delivery,
  event: delivery,
  eventReminder: delivery,
  resource: delivery,
  alliances: z
    .array(
      z.object({
        id: z
          .string({ required_error: m("notificationPrefs.error.alliance") })
          .uuid(m("notificationPrefs.error.alliance")),
        level: z.enum(allianceLevels, { errorMap: () => ({ message: m("notificationPrefs.error.level") }) }),
      }),
    )
    .max(MAX_ALLIANCES)
    .default([]),
  /** Conform reads a ticked box as true; an unticked one is not sent at all. */
  digest: z.boolean({ invalid_type_error: m("notificationPrefs.error.checkbox") }).default(false),
});

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;
