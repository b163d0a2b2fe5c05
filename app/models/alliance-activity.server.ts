import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { activity, users } from "../../db/schema/index";
import { allianceTopic } from "~/realtime/topics";
import type { DbOrTx } from "~/utils/db.server";

/** What the overview tells everyone: who joined, left, or took on a role. Requests stay with organizers. */
const publicTypes = ["member.joined", "member.left", "member.role_changed"] as const;
export type AllianceEventType = (typeof publicTypes)[number];

export type AllianceEvent = {
  id: number;
  type: AllianceEventType;
  name: string;
  role: "chair" | "organizer" | "member" | null;
  at: string;
};

/**
 * The alliance's latest membership events, newest first, in one query. People who left the
 * directories are left out here too.
 */
export async function recentAllianceEvents(
  db: DbOrTx,
  allianceId: string,
  limit = 8,
): Promise<AllianceEvent[]> {
  const rows = await db
    .select({
      id: activity.id,
      type: activity.type,
      name: users.displayName,
      role: sql<string | null>`${activity.payload}->>'role'`,
      at: activity.createdAt,
    })
    .from(activity)
    .innerJoin(users, eq(users.id, sql`${activity.payload}->>'userId'`))
    .where(
      and(
        eq(activity.topic, allianceTopic(allianceId)),
        inArray(activity.type, [...publicTypes]),
        eq(users.listedInDirectory, true),
      ),
    )
    .orderBy(desc(activity.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    type: row.type as AllianceEventType,
    name: row.name,
    role: row.role === "chair" || row.role === "organizer" || row.role === "member" ? row.role : null,
    at: row.at.toISOString(),
  }));
}
