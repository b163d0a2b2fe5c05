import { and, eq, inArray } from "drizzle-orm";
import { channelMembers, channels } from "../../db/schema/index";
import { allianceBoardTopic, channelTopic, presenceRoom } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { Tx } from "~/utils/db.server";

/**
 * Inside a membership change that takes someone out of an alliance: their private-channel invitations
 * go with the membership (coming back later does not reopen them).
 */
export async function dropPrivateInvitations(tx: Tx, allianceId: string, userId: string): Promise<void> {
  await tx.delete(channelMembers).where(
    and(
      eq(channelMembers.userId, userId),
      inArray(
        channelMembers.channelId,
        tx
          .select({ id: channels.id })
          .from(channels)
          .where(and(eq(channels.allianceId, allianceId), eq(channels.kind, "private"))),
      ),
    ),
  );
}

/**
 * After someone has left or been removed from an alliance (committed): their sockets leave the rooms
 * only members may be in — every channel of the alliance, its presence room and its members-only
 * board — on every process.
 */
export async function closeAllianceAccess(
  services: Pick<Services, "db" | "realtime">,
  allianceId: string,
  userId: string,
): Promise<void> {
  const rows = await services.db
    .select({ id: channels.id })
    .from(channels)
    .where(eq(channels.allianceId, allianceId));
  services.realtime.leaveRooms(userId, [
    ...rows.map((r) => channelTopic(r.id)),
    presenceRoom(allianceId),
    allianceBoardTopic(allianceId),
  ]);
}
