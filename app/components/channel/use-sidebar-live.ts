import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import type { MessageView } from "~/realtime/protocol";
import type { ChannelSidebar, SidebarChannel } from "~/models/channel-list.server";
import { getLive } from "~/realtime/socket.client";
import { channelTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";

/**
 * At most this many channel topics are followed for the sidebar's counts; beyond them a channel's
 * count refreshes when the user opens another channel.
 */
const MAX_WATCHED = 30;

type Arrived = { id: string; seq: number; mention: boolean };
type Live = {
  base: ChannelSidebar;
  /** Messages by others that arrived live since `base`, per channel. */
  arrived: Record<string, Arrived[]>;
  /** Read positions reported by the user's tabs since `base`, per channel. */
  read: Record<string, number>;
};

/**
 * The sidebar's unread counts, kept live: new messages arrive on the channel topics (followed from the
 * ids the counts were taken at, so none is counted twice or missed) and reads in the user's other tabs
 * on their user topic. A read that ends between two counted messages cannot be applied locally: the
 * sidebar is fetched again. The open channel shows no count: it is being read.
 */
export function useSidebarLive(
  sidebar: ChannelSidebar,
  currentId: string,
  viewerId: string,
  user: { topic: string; after: number } | null,
): ChannelSidebar {
  const fetcher = useFetcher<ChannelSidebar>();
  const [live, setLive] = useState<Live>({ base: sidebar, arrived: {}, read: {} });
  const [seen, setSeen] = useState({ sidebar, fetched: fetcher.data });
  if (seen.sidebar !== sidebar || seen.fetched !== fetcher.data) {
    const base = seen.sidebar !== sidebar ? sidebar : (fetcher.data ?? sidebar);
    setSeen({ sidebar, fetched: fetcher.data });
    setLive({ base, arrived: {}, read: {} });
  }
  const channels = useMemo(() => live.base.alliances.flatMap((a) => a.channels), [live.base]);

  const watched = channels
    .filter((c) => !c.archived && c.id !== currentId)
    .slice(0, MAX_WATCHED)
    .map((c) => `${c.id}@${c.after}`)
    .join(",");
  useEffect(() => {
    if (!watched) return;
    const { sequencer } = getLive();
    const stops = watched.split(",").map((entry) => {
      const [channelId, after] = entry.split("@");
      return sequencer.watch(channelTopic(channelId), Number(after), (activity) => {
        if (activity.type !== "message.created") return;
        const message = (activity.payload as { message?: MessageView }).message;
        if (!message || message.author.id === viewerId) return;
        const entry = { id: message.id, seq: message.seq, mention: message.mentions.includes(viewerId) };
        setLive((s) => {
          const list = s.arrived[channelId] ?? [];
          if (list.some((m) => m.id === entry.id)) return s;
          return { ...s, arrived: { ...s.arrived, [channelId]: [...list, entry] } };
        });
      });
    });
    return () => stops.forEach((stop) => stop());
  }, [watched, viewerId]);

  const load = fetcher.load;
  useLive(user?.topic ?? null, user?.after ?? 0, (activity) => {
    if (activity.type !== "channel.read") return;
    const { channelId, seq } = activity.payload as { channelId?: string; seq?: number };
    if (typeof channelId !== "string" || typeof seq !== "number") return;
    const channel = channels.find((c) => c.id === channelId);
    if (!channel || seq <= channel.lastReadSeq) return;
    if (seq < channel.lastMessageSeq) load("/channels/sidebar");
    setLive((s) => ({ ...s, read: { ...s.read, [channelId]: Math.max(s.read[channelId] ?? 0, seq) } }));
  });

  return useMemo(() => {
    const count = (c: SidebarChannel): SidebarChannel => {
      if (c.id === currentId) return { ...c, unread: 0, mentions: 0 };
      const readSeq = Math.max(c.lastReadSeq, live.read[c.id] ?? 0);
      const counted = readSeq < c.lastMessageSeq;
      const arrived = (live.arrived[c.id] ?? []).filter((m) => m.seq > readSeq);
      return {
        ...c,
        unread: (counted ? c.unread : 0) + arrived.length,
        mentions: (counted ? c.mentions : 0) + arrived.filter((m) => m.mention).length,
      };
    };
    const alliances = live.base.alliances.map((a) => {
      const list = a.channels.map(count);
      return {
        ...a,
        channels: list,
        unread: list.reduce((sum, c) => sum + c.unread, 0),
        mentions: list.reduce((sum, c) => sum + c.mentions, 0),
      };
    });
    return {
      alliances,
      unread: alliances.reduce((sum, a) => sum + a.unread, 0),
      mentions: alliances.reduce((sum, a) => sum + a.mentions, 0),
    };
  }, [live, currentId]);
}
