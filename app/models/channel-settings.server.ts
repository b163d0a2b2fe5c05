import { and, asc, eq, notExists, sql } from "drizzle-orm";
import { channelMembers, memberships, users } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { ChannelRef } from "./channel-access.server";

/** The `memberships` rows of the channel's alliance that are active and have no row in the channel. */
export function activeOutsideChannel(db: DbOrTx, channel: ChannelRef) {
  return and(
    eq(memberships.allianceId, channel.allianceId),
    eq(memberships.status, "active"),
    notExists(
      db
        .select({ one: sql`1` })
        .from(channelMembers)
        .where(
          and(
            eq(channelMembers.channelId, channel.id),
            eq(channelMembers.userId, qualified(memberships.userId)),
          ),
        ),
    ),
  );
}

export type ChannelMember = { id: string; name: string };

export type ChannelSettings = {
  /** Who is in a private channel, by name; empty for other kinds. */
  members: ChannelMember[];
  /** Active members of the alliance not yet in it, for the invitation picker. */
  candidates: ChannelMember[];
};

/** The picker offers at most this many people; the search box filters them in the browser. */
const CANDIDATES_MAX = 2000;

/** Active members of an alliance by name, for the create form's picker. */
export async function listActiveMembers(db: DbOrTx, allianceId: string): Promise<ChannelMember[]> {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.allianceId, allianceId), eq(memberships.status, "active")))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(CANDIDATES_MAX);
}

/** The settings page's people: a private channel's members and who could still be invited. */
export async function getChannelSettings(db: DbOrTx, channel: ChannelRef): Promise<ChannelSettings> {
  if (channel.kind !== "private") return { members: [], candidates: [] };
  const [members, candidates] = await Promise.all([
    db
      .select({ id: users.id, name: users.displayName })
      .from(channelMembers)
      .innerJoin(users, eq(users.id, channelMembers.userId))
      .where(eq(channelMembers.channelId, channel.id))
      .orderBy(asc(users.displayName), asc(users.id)),
    db
      .select({ id: users.id, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(activeOutsideChannel(db, channel))
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(CANDIDATES_MAX),
  ]);
  return { members, candidates };
}
