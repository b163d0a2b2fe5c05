import { eq, sql } from "drizzle-orm";
import { channelMembers, channels, memberships, users } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { isUuid } from "./topic-records.server";

/** Above this many readers a channel shows no typing indicator: it would only flicker. */
export const TYPING_AUDIENCE_LIMIT = 100;

/** The socket's user as presence and typing name them, and as the policy sees them. */
export type SocketUser = { viewer: NonNullable<Viewer>; name: string };

export async function socketUser(db: DbOrTx, userId: string): Promise<SocketUser | null> {
  const [row] = await db
    .select({ name: users.displayName, platformRole: users.platformRole })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { viewer: { id: userId, platformRole: row.platformRole }, name: row.name } : null;
}

/**
 * How many people can read a channel: every active member of its alliance for `general` and `open`
 * channels, the people invited for a private one. 0 when there is no such channel.
 */
export async function channelAudience(db: DbOrTx, channelId: string): Promise<number> {
  if (!isUuid(channelId)) return 0;
  // Correlated subqueries: the outer channel's columns are named with their table (see `qualified`).
  const [row] = await db
    .select({
      n: sql<number>`case when ${channels.kind} = 'private'
        then (select count(*) from ${channelMembers} where ${channelMembers.channelId} = ${qualified(channels.id)})
        else (select count(*) from ${memberships}
              where ${memberships.allianceId} = ${qualified(channels.allianceId)} and ${memberships.status} = 'active')
        end`.mapWith(Number),
    })
    .from(channels)
    .where(eq(channels.id, channelId));
  return row?.n ?? 0;
}

/** Whether a channel is small enough to show who is typing (the page asks once, the socket relay caches). */
export async function showsTyping(db: DbOrTx, channelId: string): Promise<boolean> {
  return (await channelAudience(db, channelId)) <= TYPING_AUDIENCE_LIMIT;
}
