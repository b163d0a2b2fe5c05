import { and, asc, eq, ilike, ne, or, sql } from "drizzle-orm";
import { channelMembers, memberships, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { ChannelRef } from "./channel-access.server";
import { likePattern } from "./org-directory.server";

export const MENTION_CANDIDATES_MAX = 8;

export type MentionCandidate = { id: string; name: string };

/**
 * Who the composer offers after `@`: active members of the channel's alliance who can read it (in a
 * private channel, the invited and platform operators), the viewer left out, names starting with the
 * typed text first. Nobody else may be offered: a name listed here is a name the channel can see.
 */
export async function mentionCandidates(
  db: DbOrTx,
  viewerId: string,
  channel: ChannelRef,
  typed: string,
): Promise<MentionCandidate[]> {
  const text = typed.trim();
  const startsWith = sql`starts_with(lower(${users.displayName}), lower(${text}))`;
  return db
    .select({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channel.id), eq(channelMembers.userId, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.allianceId, channel.allianceId),
        eq(memberships.status, "active"),
        ne(memberships.userId, viewerId),
        channel.kind === "private"
          ? or(sql`${channelMembers.userId} is not null`, eq(users.platformRole, "admin"))
          : undefined,
        text ? ilike(users.displayName, likePattern(text)) : undefined,
      ),
    )
    .orderBy(sql`${startsWith} desc`, asc(users.displayName))
    .limit(MENTION_CANDIDATES_MAX);
}
