import { and, eq, inArray } from "drizzle-orm";
import { memberships, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

type AgendaInput = { offsetMinutes: number; durationMinutes: number; title: string; speaker: string | null };
export type AgendaRow = Omit<AgendaInput, "speaker"> & { speakerId: string | null; guestName: string | null };

/**
 * Agenda speakers are typed as names. A name that exactly one active member of a host alliance carries
 * is that member (their other commitments are then checked for overlaps); any other name is a guest's.
 * Two members with the same name stay a guest name rather than a guess.
 */
export async function resolveSpeakers(
  db: DbOrTx,
  allianceIds: string[],
  agenda: AgendaInput[],
): Promise<AgendaRow[]> {
  const names = [...new Set(agenda.flatMap((item) => (item.speaker ? [item.speaker] : [])))];
  const members =
    names.length === 0
      ? []
      : await db
          .selectDistinct({ id: users.id, name: users.displayName })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .where(
            and(
              inArray(users.displayName, names),
              inArray(memberships.allianceId, allianceIds),
              eq(memberships.status, "active"),
            ),
          );
  const byName = new Map<string, string | null>();
  for (const member of members) byName.set(member.name, byName.has(member.name) ? null : member.id);
  return agenda.map(({ speaker, ...item }) => {
    const speakerId = speaker ? (byName.get(speaker) ?? null) : null;
    return { ...item, speakerId, guestName: speakerId ? null : speaker };
  });
}
