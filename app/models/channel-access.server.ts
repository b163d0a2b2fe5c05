import { and, eq, sql } from "drizzle-orm";
import { alliances, channelMembers, channels, memberships } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import {
  allianceRole,
  canInAlliance,
  canPostInChannel,
  canSeeChannel,
  type AllianceRole,
  type Viewer,
} from "~/utils/permissions.server";
import { isUuid } from "./topic-records.server";

/**
 * Who may see a channel and what the viewer may do in it, in one query — asked by every page, action
 * and socket handler that touches a channel or one of its messages. A channel the viewer may not see
 * does not exist for them (null → 404, or a topic refused as missing).
 */
export type ChannelRef = {
  id: string;
  allianceId: string;
  allianceSlug: string;
  allianceNameZh: string;
  allianceNameEn: string;
  slug: string;
  name: string;
  description: string;
  kind: "general" | "open" | "private";
  archivedAt: Date | null;
  lastMessageSeq: number;
  /** The viewer's role in the channel's alliance. */
  role: AllianceRole;
  /** Has a channel_members row: invited (private channels) or has read here before. */
  joined: boolean;
  /** The viewer's read position (0 before their first read). */
  lastReadSeq: number;
  post: boolean;
  report: boolean;
  /** Rename, archive, invite to and remove from the channel. */
  manage: boolean;
  /** Delete anyone's message, hide reported ones. */
  moderate: boolean;
};

export async function channelAccess(
  db: DbOrTx,
  viewer: Viewer,
  channelId: string,
): Promise<ChannelRef | null> {
  // Ids come from URLs and sockets: anything but a UUID names no channel (and would make PostgreSQL raise).
  if (!viewer || !isUuid(channelId)) return null;
  const [row] = await db
    .select({
      id: channels.id,
      allianceId: channels.allianceId,
      allianceSlug: alliances.slug,
      allianceNameZh: alliances.nameZh,
      allianceNameEn: alliances.nameEn,
      allianceArchivedAt: alliances.archivedAt,
      slug: channels.slug,
      name: channels.name,
      description: channels.description,
      kind: channels.kind,
      archivedAt: channels.archivedAt,
      lastMessageSeq: channels.lastMessageSeq,
      memberRole: memberships.role,
      memberStatus: memberships.status,
      joined: sql<boolean>`${channelMembers.userId} is not null`,
      lastReadSeq: sql<number>`coalesce(${channelMembers.lastReadSeq}, 0)`.mapWith(Number),
    })
    .from(channels)
    .innerJoin(alliances, eq(alliances.id, channels.allianceId))
    .leftJoin(
      memberships,
      and(eq(memberships.allianceId, channels.allianceId), eq(memberships.userId, viewer.id)),
    )
    .leftJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channels.id), eq(channelMembers.userId, viewer.id)),
    )
    .where(eq(channels.id, channelId))
    .limit(1);
  if (!row) return null;
  const role = allianceRole(
    viewer,
    row.memberRole && row.memberStatus ? { role: row.memberRole, status: row.memberStatus } : null,
  );
  // An archived alliance's channels go with it.
  if (row.allianceArchivedAt && role !== "admin") return null;
  const channel = { kind: row.kind, archivedAt: row.archivedAt };
  if (!canSeeChannel(role, channel, row.joined)) return null;
  return {
    id: row.id,
    allianceId: row.allianceId,
    allianceSlug: row.allianceSlug,
    allianceNameZh: row.allianceNameZh,
    allianceNameEn: row.allianceNameEn,
    slug: row.slug,
    name: row.name,
    description: row.description,
    kind: row.kind,
    archivedAt: row.archivedAt,
    lastMessageSeq: row.lastMessageSeq,
    role,
    joined: row.joined,
    lastReadSeq: row.lastReadSeq,
    post: canPostInChannel(role, channel, row.joined) && row.allianceArchivedAt === null,
    report: canInAlliance(role, "channel.report"),
    manage: canInAlliance(role, "channel.manage"),
    moderate: canInAlliance(role, "channel.moderate"),
  };
}
