import { and, eq } from "drizzle-orm";
import { eventFollows } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

/** Following an event puts it in the follower's calendar feed without registering. */

export async function followEvent(db: DbOrTx, eventId: string, userId: string): Promise<void> {
  await db.insert(eventFollows).values({ eventId, userId }).onConflictDoNothing();
}

export async function unfollowEvent(db: DbOrTx, eventId: string, userId: string): Promise<void> {
  await db
    .delete(eventFollows)
    .where(and(eq(eventFollows.eventId, eventId), eq(eventFollows.userId, userId)));
}
