import type { MessageKey } from "~/i18n/dictionary";
import type { Locale } from "~/i18n/locales";
import { pick } from "~/i18n/pick";
import type { Translate } from "~/i18n/translate";
import { formatInZone, isTimeZone } from "~/utils/zoned-time";

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Role names inside a sentence (lowercase in English, unlike the role labels elsewhere). */
const roleKeys: Record<string, MessageKey> = {
  chair: "notification.role.chair",
  organizer: "notification.role.organizer",
  member: "notification.role.member",
};

/** Fields naming a state, worded in the reader's language like the roles. */
const stateKeys: Record<string, Record<string, MessageKey>> = {
  decision: {
    shortlisted: "notification.decision.shortlisted",
    accepted: "notification.decision.accepted",
    declined: "notification.decision.declined",
  },
  status: {
    open: "notification.problemStatus.open",
    in_progress: "notification.problemStatus.in_progress",
    solved: "notification.problemStatus.solved",
    closed: "notification.problemStatus.closed",
  },
  outcome: {
    accepted: "notification.outcome.accepted",
    declined: "notification.outcome.declined",
    withdrawn: "notification.outcome.withdrawn",
  },
  lead: {
    "1440": "eventReminders.lead.1440",
    "60": "eventReminders.lead.60",
  },
};

/**
 * Each known type's message, and the data it needs besides the alliance's names (which problem
 * notifications, `alliance: false`, do not have: a problem may be open to all alliances).
 */
type Message = {
  key: MessageKey;
  fields: readonly string[];
  alliance?: false;
  /** Worded with `{when}` instead when the data names one date (`startsAt` in `timeZone`). */
  dated?: MessageKey;
};

const messages: Record<string, Message> = {
  "membership.requested": { key: "notification.type.membership.requested", fields: ["applicant"] },
  "membership.approved": { key: "notification.type.membership.approved", fields: [] },
  "membership.rejected": { key: "notification.type.membership.rejected", fields: [] },
  "membership.role_changed": { key: "notification.type.membership.role_changed", fields: ["from", "role"] },
  "membership.removed": { key: "notification.type.membership.removed", fields: [] },
  "membership.invited": { key: "notification.type.membership.invited", fields: ["inviter"] },
  "alliance.chair_appointed": { key: "notification.type.alliance.chair_appointed", fields: [] },
  "problem.endorsed": {
    key: "notification.type.problem.endorsed",
    fields: ["actor", "problem"],
    alliance: false,
  },
  "problem.replied": {
    key: "notification.type.problem.replied",
    fields: ["actor", "problem"],
    alliance: false,
  },
  "problem.applied": {
    key: "notification.type.problem.applied",
    fields: ["actor", "problem"],
    alliance: false,
  },
  "problem.application_decided": {
    key: "notification.type.problem.application_decided",
    fields: ["problem", "decision"],
    alliance: false,
  },
  "problem.status_changed": {
    key: "notification.type.problem.status_changed",
    fields: ["actor", "problem", "status"],
    alliance: false,
  },
  "problem.follow_replied": {
    key: "notification.type.problem.follow_replied",
    fields: ["actor", "problem"],
    alliance: false,
  },
  "problem.hidden": { key: "notification.type.problem.hidden", fields: ["problem"], alliance: false },
  "problem.reply_hidden": {
    key: "notification.type.problem.reply_hidden",
    fields: ["problem"],
    alliance: false,
  },
  "resource.hidden": { key: "notification.type.resource.hidden", fields: ["resource"], alliance: false },
  "resource.expiring": { key: "notification.type.resource.expiring", fields: ["resource"], alliance: false },
  "event.promoted": { key: "notification.type.event.promoted", fields: ["event"], alliance: false },
  "event.movedToWaitlist": {
    key: "notification.type.event.movedToWaitlist",
    fields: ["event"],
    alliance: false,
  },
  "event.changed": {
    key: "eventSeries.notice.changed",
    fields: ["event"],
    alliance: false,
    dated: "eventSeries.notice.changedTo",
  },
  "event.cancelled": {
    key: "eventSeries.notice.cancelled",
    fields: ["event"],
    alliance: false,
    dated: "eventSeries.notice.cancelledOn",
  },
  "event.minutes": { key: "eventAfter.notification", fields: ["event"], alliance: false },
  "event.reminder": { key: "eventReminders.notification", fields: ["event", "lead"], alliance: false },
  "channel.mention": { key: "notification.type.channel.mention", fields: ["actor", "channel", "excerpt"] },
  "channel.reply": { key: "notification.type.channel.reply", fields: ["actor", "channel", "excerpt"] },
  "channel.message": { key: "notification.type.channel.message", fields: ["actor", "channel", "excerpt"] },
  "resource.match": {
    key: "notification.type.resource.match",
    fields: ["resource", "problem"],
    alliance: false,
  },
  "channel.invited": { key: "channelAdmin.notification.invited", fields: ["inviter", "channel"] },
  "channel.message_hidden": { key: "channelAdmin.notification.messageHidden", fields: ["channel"] },
  "resource.inquiry": {
    key: "notification.type.resource.inquiry",
    fields: ["actor", "resource"],
    alliance: false,
  },
  "inquiry.message": {
    key: "notification.type.inquiry.message",
    fields: ["actor", "resource", "excerpt"],
    alliance: false,
  },
  "inquiry.status": {
    key: "notification.type.inquiry.status",
    fields: ["actor", "resource", "outcome"],
    alliance: false,
  },
};

/**
 * A notification in the reader's language: its sentence and, when the sender gave one, the reason.
 * Notifications are stored as type + data, so wording follows the reader, not the sender. A type
 * this version does not know, or data it cannot read, reads as a generic message.
 */
export function describeNotification(
  t: Translate,
  locale: Locale,
  notification: { type: string; data: Data },
): { sentence: string; reason: string | null } {
  const { data } = notification;
  const message = Object.hasOwn(messages, notification.type) ? messages[notification.type] : undefined;
  const alliance = pick(locale, text(data.allianceNameZh), text(data.allianceNameEn));
  const reason = text(data.reason).trim();
  const withReason = (sentence: string) => ({
    sentence,
    reason: reason ? t("notification.reason", { reason }) : null,
  });
  if (
    !message ||
    (message.alliance !== false && !alliance) ||
    message.fields.some((field) => !text(data[field]))
  ) {
    return withReason(t("notification.type.generic"));
  }
  const params: Record<string, string> = { alliance };
  for (const field of message.fields) {
    const value = text(data[field]);
    const state = Object.hasOwn(stateKeys, field) ? stateKeys[field] : undefined;
    params[field] =
      Object.hasOwn(roleKeys, value) && (field === "from" || field === "role")
        ? t(roleKeys[value])
        : state && Object.hasOwn(state, value)
          ? t(state[value])
          : value;
  }
  const startsAt = new Date(text(data.startsAt));
  const timeZone = text(data.timeZone);
  if (message.dated && !Number.isNaN(startsAt.getTime()) && isTimeZone(timeZone)) {
    return withReason(t(message.dated, { ...params, when: formatInZone(startsAt, { locale, timeZone }) }));
  }
  return withReason(t(message.key, params));
}
