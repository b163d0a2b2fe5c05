import type { MessageView } from "~/realtime/protocol";
import type { ChannelRef } from "./channel-access.server";
import type { Listener } from "./channel-message-audience.server";
import { plainExcerpt } from "./channel-message-text.server";
import { hearsChannel } from "./notification-preferences.server";
import type { NotificationInput } from "./notifications.server";

export type MessageNotice = "channel.mention" | "channel.reply" | "channel.message";

/**
 * Who hears about a new (or edited) message, and how: one notification per person at most, a mention
 * before a reply before "new messages". Never the author; only what their level for the alliance
 * lets through (`hearsChannel`); "new messages" (level `all`) only while the last one for this channel is unread, so a busy
 * channel rings once until it is read. Preferences per type are applied by notifyAll.
 */
export function messageNotifications(
  channel: ChannelRef,
  message: MessageView,
  listeners: readonly Listener[],
  reason: { mentioned: ReadonlySet<string>; replyAuthorId: string | null; everyone: boolean },
): NotificationInput[] {
  const data = {
    allianceId: channel.allianceId,
    allianceNameZh: channel.allianceNameZh,
    allianceNameEn: channel.allianceNameEn,
    channelId: channel.id,
    channel: channel.name,
    messageId: message.id,
    actor: message.author.name,
    excerpt: plainExcerpt(message.bodyHtml),
  };
  const href = `/channels/${channel.id}?message=${message.id}`;
  const inputs: NotificationInput[] = [];
  for (const listener of listeners) {
    if (listener.id === message.author.id) continue;
    const type: MessageNotice | null = reason.mentioned.has(listener.id)
      ? "channel.mention"
      : listener.id === reason.replyAuthorId
        ? "channel.reply"
        : reason.everyone && !listener.noticed
          ? "channel.message"
          : null;
    if (type && hearsChannel(listener.level, type)) inputs.push({ userId: listener.id, type, data, href });
  }
  return inputs;
}
