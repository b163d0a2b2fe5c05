import { and, eq, or, sql, type SQL } from "drizzle-orm";
import {
  allianceNotificationLevels,
  channelMembers,
  memberships,
  notifications,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { AllianceLevel } from "~/validation/notification-preferences";
import { DEFAULT_LEVEL } from "./notification-preferences.server";

export type Listener = {
  id: string;
  name: string;
  level: AllianceLevel;
  /** `@name` occurs in the message's Markdown (a candidate mention; the rendered HTML decides). */
  named: boolean;
  /** Already has an unread `channel.message` notification for this channel. */
  noticed: boolean;
};

type Channel = { id: string; allianceId: string; kind: "general" | "open" | "private" };

/**
 * The people a message may concern, in one query: active members of the channel's alliance who can
 * read it (in a private channel, the invited ones) and whom the Markdown names (`named`), or who wrote
 * the message replied to, or who want every message (`everyone`: alliance level `all`). Who is found by
 * name is the database's strpos over the alliance's members, asked only when the text has an `@`.
 */
export async function messageListeners(
  db: DbOrTx,
  channel: Channel,
  want: { body: string | null; replyAuthorId: string | null; everyone: boolean },
): Promise<Listener[]> {
  const named =
    want.body !== null && want.body.includes("@")
      ? sql<boolean>`strpos(${want.body}::text, '@' || ${users.displayName}) > 0`
      : sql<boolean>`false`;
  const reasons: SQL[] = [];
  if (want.body !== null && want.body.includes("@")) reasons.push(named);
  if (want.replyAuthorId) reasons.push(eq(memberships.userId, want.replyAuthorId));
  if (want.everyone) reasons.push(eq(allianceNotificationLevels.level, "all"));
  if (reasons.length === 0) return [];

  const noticed = want.everyone
    ? sql<boolean>`exists (select 1 from ${notifications} n where n.user_id = ${users.id}
        and n.type = 'channel.message' and n.read_at is null and n.data->>'channelId' = ${channel.id})`
    : sql<boolean>`false`;
  let query = db
    .select({
      id: users.id,
      name: users.displayName,
      level: sql<AllianceLevel>`coalesce(${allianceNotificationLevels.level}, ${DEFAULT_LEVEL})`,
      named,
      noticed,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      allianceNotificationLevels,
      and(
        eq(allianceNotificationLevels.userId, memberships.userId),
        eq(allianceNotificationLevels.allianceId, memberships.allianceId),
      ),
    )
    .$dynamic();
  if (channel.kind === "private") {
    query = query.innerJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channel.id), eq(channelMembers.userId, memberships.userId)),
    );
  }
  return query.where(
    and(eq(memberships.allianceId, channel.allianceId), eq(memberships.status, "active"), or(...reasons)),
  );
}
