import { sql } from "drizzle-orm";
import { activity, alliances, memberships } from "../../db/schema/index";
import { allianceBoardTopic, BOARD_TOPIC } from "~/realtime/topics";
import type { DbOrTx } from "~/utils/db.server";
import { can, type Viewer } from "~/utils/permissions.server";
import type { BoardQuery } from "~/validation/problem";

export type LiveTopic = { topic: string; after: number };

/**
 * The topics where new problems a viewer may see are announced — the board's, and the members-only board
 * topic (allianceBoardTopic) of each alliance they are an active member of; archived alliances take no
 * posts — each with its newest activity id, as latestActivityId gives it, in one query whatever the number
 * of alliances. Visitors cannot connect: none.
 */
export async function boardLiveTopics(db: DbOrTx, viewer: Viewer): Promise<LiveTopic[]> {
  if (!viewer || !can(viewer, "problem.watch")) return [];
  const topics = sql`(select ${BOARD_TOPIC}::text as topic
    union all
    select ${allianceBoardTopic("")}::text || ${memberships.allianceId} from ${memberships}
    join ${alliances} on ${alliances.id} = ${memberships.allianceId}
    where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active' and ${alliances.archivedAt} is null)`;
  const rows = await db.execute<{ topic: string; after: string | number }>(sql`
    select t.topic, coalesce((select max(${activity.id}) from ${activity} where ${activity.topic} = t.topic), 0) as after
    from ${topics} as t
    order by t.topic`);
  return [...rows].map((row) => ({ topic: row.topic, after: Number(row.after) }));
}

/**
 * Whether any new post would top this view: its first page, unfiltered, newest first (or unanswered, which
 * every new post is). Elsewhere a count of new posts would promise rows the view does not show. An
 * alliance's tab has its alliance fixed: that is its default view, not a filter.
 */
export function countsNewPosts(query: BoardQuery, { allianceFixed = false } = {}): boolean {
  const { q, alliance, chain, node, status, urgency, tag, sort, cursor } = query;
  const filtered = q || (!allianceFixed && alliance) || chain || node || status || urgency || tag || cursor;
  return !filtered && (sort === "newest" || sort === "unanswered");
}
