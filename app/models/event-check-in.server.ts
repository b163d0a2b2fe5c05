import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { eventOccurrences, eventRegistrations, users } from "../../db/schema/index";
import { eventTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import { qualified, type Tx } from "~/utils/db.server";
import { transact, type Publish } from "./activity.server";

/**
 * Checking registrants in at the door, by button or by their per-registration code. Only confirmed
 * people are checked in; each registration once (a second scan of the same code is refused, saying
 * who used it and when). The update itself carries the conditions, so two organizers scanning the same
 * code at once check the person in once. Callers have asked for `event.manage`.
 */

type CheckInServices = Pick<Services, "db" | "realtime">;

export type CheckInError = "unknownCode" | "alreadyUsed" | "notConfirmed" | "notFound";
export type CheckInOutcome =
  | { ok: true; displayName: string; checkedInAt: Date }
  | { ok: false; error: CheckInError; displayName?: string; checkedInAt?: Date };
export type UndoOutcome = { ok: true; displayName: string } | { ok: false; error: "notFound" };

/** Codes are read aloud or typed from a phone: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

/** A registration of one of the event's occurrences: by id (the list's buttons) or by code. */
export type CheckInTarget = { registrationId: number } | { occurrenceId: string; code: string };

function targetOf(eventId: string, target: CheckInTarget): SQL {
  const ofEvent = sql`${eventRegistrations.occurrenceId} in
    (select ${eventOccurrences.id} from ${eventOccurrences} where ${eventOccurrences.eventId} = ${eventId})`;
  return "registrationId" in target
    ? and(eq(eventRegistrations.id, target.registrationId), ofEvent)!
    : and(
        eq(eventRegistrations.occurrenceId, target.occurrenceId),
        eq(eventRegistrations.code, normalizeCode(target.code)),
        ofEvent,
      )!;
}

/** The registrant's name, returned by the update that checks them in. */
const registrantName = sql<string>`(select ${users.displayName} from ${users}
  where ${users.id} = ${qualified(eventRegistrations.userId)})`;

/** Tells the event's open pages (the registrant list's counts): which occurrence changed. */
function announce(publish: Publish, eventId: string, occurrenceId: string) {
  publish({ topic: eventTopic(eventId), type: "event.checkIn", payload: { occurrenceId } });
}

async function explainRefusal(tx: Tx, eventId: string, target: CheckInTarget): Promise<CheckInOutcome> {
  const [row] = await tx
    .select({
      status: eventRegistrations.status,
      checkedInAt: eventRegistrations.checkedInAt,
      displayName: users.displayName,
    })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(targetOf(eventId, target));
  if (!row) return { ok: false, error: "registrationId" in target ? "notFound" : "unknownCode" };
  if (row.status !== "confirmed") return { ok: false, error: "notConfirmed" };
  return {
    ok: false,
    error: "alreadyUsed",
    displayName: row.displayName,
    checkedInAt: row.checkedInAt ?? undefined,
  };
}

export async function checkIn(
  services: CheckInServices,
  eventId: string,
  target: CheckInTarget,
  now = new Date(),
): Promise<CheckInOutcome> {
  return transact(services, async (tx, publish) => {
    const [row] = await tx
      .update(eventRegistrations)
      .set({ checkedInAt: now, updatedAt: now })
      .where(
        and(
          targetOf(eventId, target),
          eq(eventRegistrations.status, "confirmed"),
          isNull(eventRegistrations.checkedInAt),
        ),
      )
      .returning({
        occurrenceId: eventRegistrations.occurrenceId,
        displayName: registrantName,
      });
    if (!row) return explainRefusal(tx, eventId, target);
    announce(publish, eventId, row.occurrenceId);
    return { ok: true, displayName: row.displayName, checkedInAt: now };
  });
}

/** Takes a check-in back (a wrong button, a wrong code). */
export async function undoCheckIn(
  services: CheckInServices,
  eventId: string,
  registrationId: number,
  now = new Date(),
): Promise<UndoOutcome> {
  return transact(services, async (tx, publish) => {
    const [row] = await tx
      .update(eventRegistrations)
      .set({ checkedInAt: null, updatedAt: now })
      .where(and(targetOf(eventId, { registrationId }), isNotNull(eventRegistrations.checkedInAt)))
      .returning({ occurrenceId: eventRegistrations.occurrenceId, displayName: registrantName });
    if (!row) return { ok: false, error: "notFound" };
    announce(publish, eventId, row.occurrenceId);
    return { ok: true, displayName: row.displayName };
  });
}
