import { and, asc, eq, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  activity,
  alliances,
  channelMembers,
  channelMessages,
  channels,
  memberships,
  messageMentions,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { AllianceRole } from "~/utils/permissions.server";

/**
 * Counting stops here: a badge shows "99+" above UNREAD_CAP, so reading a hundred rows per channel is
 * the most a long-unread channel costs.
 */
export const UNREAD_CAP = 99;

export type ChannelListItem = {
  id: string;
  allianceId: string;
  slug: string;
  name: string;
  description: string;
  kind: "general" | "open" | "private";
  archived: boolean;
  /** Messages by others after the viewer's read position, not deleted or hidden; at most UNREAD_CAP + 1. */
  unread: number;
  /** Of those, the ones that mention the viewer. */
  mentions: number;
  lastReadSeq: number;
  lastMessageSeq: number;
};

/** A sidebar channel also carries where its live topic stands, so the sidebar can follow it from there. */
export type SidebarChannel = ChannelListItem & { after: number };

export type AllianceChannels = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  /** The sum of its channels' unread counts (each capped). */
  unread: number;
  mentions: number;
  channels: SidebarChannel[];
};

export type ChannelSidebar = { alliances: AllianceChannels[]; unread: number; mentions: number };

/** Unread counts read only messages after the read position: the (channel_id, seq) index serves both. */
function counts(viewerId: string) {
  const lastRead = sql`coalesce(${channelMembers.lastReadSeq}, 0)`;
  const behind = sql`${channels.lastMessageSeq} > ${lastRead}`;
  const unreadMessage = sql`${channelMessages.channelId} = ${channels.id}
    and ${channelMessages.seq} > ${lastRead}
    and ${channelMessages.authorId} <> ${viewerId}
    and ${channelMessages.deletedAt} is null and ${channelMessages.hiddenAt} is null`;
  return {
    unread: sql<number>`case when ${behind} then (select count(*) from (
        select 1 from ${channelMessages} where ${unreadMessage}
        order by ${channelMessages.seq} limit ${UNREAD_CAP + 1}) as unread) else 0 end`.mapWith(Number),
    mentions: sql<number>`case when ${behind} then (select count(*) from ${messageMentions}
        join ${channelMessages} on ${channelMessages.id} = ${messageMentions.messageId}
        where ${messageMentions.userId} = ${viewerId} and ${unreadMessage}) else 0 end`.mapWith(Number),
  };
}

const channelFields = {
  id: channels.id,
  allianceId: channels.allianceId,
  slug: channels.slug,
  name: channels.name,
  description: channels.description,
  kind: channels.kind,
  archived: sql<boolean>`${channels.archivedAt} is not null`,
  lastReadSeq: sql<number>`coalesce(${channelMembers.lastReadSeq}, 0)`.mapWith(Number),
  lastMessageSeq: channels.lastMessageSeq,
};

/** `#general` first, then the rest by name; archived channels after all open ones. */
const channelOrder = [
  sql`${channels.archivedAt} is not null`,
  sql`${channels.kind} <> 'general'`,
  asc(channels.name),
];

const visibleTo = (extra: SQL | undefined) =>
  or(ne(channels.kind, "private"), isNotNull(channelMembers.userId), extra);

/**
 * The channel sidebar: the viewer's active alliances (not archived) with the channels they can see —
 * general and open ones, private ones they are invited to — with unread counts and each channel
 * topic's newest activity id, in one query.
 */
export async function listMyChannels(db: DbOrTx, viewerId: string): Promise<ChannelSidebar> {
  const rows = await db
    .select({
      ...channelFields,
      allianceSlug: alliances.slug,
      allianceNameZh: alliances.nameZh,
      allianceNameEn: alliances.nameEn,
      ...counts(viewerId),
      // channelTopic(id), in the counts' snapshot: a message committed later arrives live after this id.
      after: sql<number>`(select coalesce(max(${activity.id}), 0) from ${activity}
        where ${activity.topic} = 'channel:' || ${channels.id})`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(alliances, eq(alliances.id, memberships.allianceId))
    .innerJoin(channels, eq(channels.allianceId, memberships.allianceId))
    .leftJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channels.id), eq(channelMembers.userId, viewerId)),
    )
    .where(
      and(
        eq(memberships.userId, viewerId),
        eq(memberships.status, "active"),
        isNull(alliances.archivedAt),
        visibleTo(undefined),
      ),
    )
    .orderBy(asc(alliances.position), asc(alliances.nameZh), ...channelOrder);

  const byAlliance = new Map<string, AllianceChannels>();
  for (const row of rows) {
    const { allianceSlug, allianceNameZh, allianceNameEn, ...channel } = row;
    let alliance = byAlliance.get(row.allianceId);
    if (!alliance) {
      alliance = {
        id: row.allianceId,
        slug: allianceSlug,
        nameZh: allianceNameZh,
        nameEn: allianceNameEn,
        unread: 0,
        mentions: 0,
        channels: [],
      };
      byAlliance.set(row.allianceId, alliance);
    }
    alliance.channels.push(channel);
    alliance.unread += channel.unread;
    alliance.mentions += channel.mentions;
  }
  const list = [...byAlliance.values()];
  return {
    alliances: list,
    unread: list.reduce((sum, a) => sum + a.unread, 0),
    mentions: list.reduce((sum, a) => sum + a.mentions, 0),
  };
}

/**
 * One alliance's channels as `role` sees them (its tab): private ones only where invited, except for
 * platform operators, who may open any (canSeeChannel).
 */
export async function listAllianceChannels(
  db: DbOrTx,
  viewerId: string,
  allianceId: string,
  role: AllianceRole,
): Promise<ChannelListItem[]> {
  return db
    .select({ ...channelFields, ...counts(viewerId) })
    .from(channels)
    .leftJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channels.id), eq(channelMembers.userId, viewerId)),
    )
    .where(and(eq(channels.allianceId, allianceId), visibleTo(role === "admin" ? sql`true` : undefined)))
    .orderBy(...channelOrder);
}

/** Where /channels leads: the first channel with unread messages, else the first alliance's #general. */
export function landingChannel(sidebar: ChannelSidebar): string | null {
  const open = sidebar.alliances.flatMap((a) => a.channels).filter((c) => !c.archived);
  const unread = open.find((c) => c.unread > 0);
  if (unread) return unread.id;
  const first = sidebar.alliances[0]?.channels.find((c) => c.kind === "general") ?? open[0];
  return first?.id ?? null;
}
