import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { CHECK_IN_ALPHABET, CHECK_IN_LENGTH } from "~/models/check-in-code.server";
import type { Tx } from "~/utils/db.server";
import { eventOccurrences, eventProblems, eventRegistrations, events } from "../schema/index";
import { eventSeedId } from "./events";
import type { UserRow } from "./insert";
import { problemSeedId } from "./problems";

/**
 * What came after the demo's past events: registrants (most checked in, a few no-shows), the time the
 * minutes were posted, and the follow-up problems each produced — in both languages, as the events are.
 */
type AfterSeed = {
  event: string;
  /** Demo users (before @demo.qilian.example): confirmed, and whether they came. */
  attendees: [person: string, came: boolean][];
  followUps: string[];
};

const afterSeeds: AfterSeed[] = [
  {
    event: "servo-seminar-past",
    attendees: [
      ["sun.hao", true],
      ["zhao.min", true],
      ["wang.lei", true],
      ["li.na", false],
      ["emily.zhou", true],
    ],
    followUps: ["harmonic-reducer-life", "rv-reducer-backlash"],
  },
  {
    event: "ai-workshop-past",
    attendees: [
      ["liu.yang", true],
      ["zhang.wei", true],
      ["fan.xu", false],
      ["maria.santos", true],
    ],
    followUps: ["ai-compute-scheduling"],
  },
  {
    event: "security-exchange-past",
    attendees: [
      ["maria.santos", true],
      ["emily.zhou", true],
      ["zhou.ting", false],
    ],
    followUps: ["en-v2x-security", "privacy-computing"],
  },
];

/** A stable code per person and event, drawn from the check-in alphabet. */
function demoCode(eventKey: string, person: string): string {
  const bytes = crypto.createHash("sha1").update(`qilian-demo-check-in:${eventKey}:${person}`).digest();
  let code = "";
  for (let i = 0; i < CHECK_IN_LENGTH; i++) code += CHECK_IN_ALPHABET[bytes[i] % CHECK_IN_ALPHABET.length];
  return code;
}

/** Adds what is missing only (conflicts are skipped), so seeding twice changes nothing. */
export async function seedEventAfter(tx: Tx, context: { users: Map<string, UserRow> }): Promise<void> {
  for (const seed of afterSeeds) {
    const eventId = eventSeedId(seed.event);
    const [occurrence] = await tx
      .select({
        id: eventOccurrences.id,
        startsAt: eventOccurrences.startsAt,
        endsAt: eventOccurrences.endsAt,
      })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId));
    if (!occurrence) continue;
    const registeredAt = new Date(occurrence.startsAt.getTime() - 5 * 86_400_000);
    const rows = seed.attendees.flatMap(([person, came], index) => {
      const user = context.users.get(`${person}@demo.qilian.example`);
      if (!user) return [];
      return [
        {
          occurrenceId: occurrence.id,
          userId: user.id,
          status: "confirmed" as const,
          queuedAt: new Date(registeredAt.getTime() + index * 3_600_000),
          code: demoCode(seed.event, person),
          checkedInAt: came ? new Date(occurrence.startsAt.getTime() - (10 - index) * 60_000) : null,
          createdAt: registeredAt,
          updatedAt: registeredAt,
        },
      ];
    });
    if (rows.length > 0) await tx.insert(eventRegistrations).values(rows).onConflictDoNothing();
    await tx
      .update(eventOccurrences)
      .set({
        confirmedCount: sql`(select count(*) from ${eventRegistrations}
          where ${eventRegistrations.occurrenceId} = ${occurrence.id} and ${eventRegistrations.status} = 'confirmed')`,
      })
      .where(eq(eventOccurrences.id, occurrence.id));
    await tx
      .update(events)
      .set({ minutesUpdatedAt: new Date(occurrence.endsAt.getTime() + 86_400_000) })
      .where(and(eq(events.id, eventId), isNull(events.minutesUpdatedAt)));
    await tx
      .insert(eventProblems)
      .values(
        seed.followUps.map((corpus) => ({
          eventId,
          problemId: problemSeedId(corpus),
          link: "follow_up" as const,
        })),
      )
      .onConflictDoNothing();
  }
}
