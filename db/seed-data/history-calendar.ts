import crypto from "node:crypto";
import { inArray, sql, type SQL } from "drizzle-orm";
import { CHECK_IN_ALPHABET, CHECK_IN_LENGTH } from "~/models/check-in-code.server";
import { searchVector } from "~/search/tsquery.server";
import type { Tx } from "~/utils/db.server";
import { eventOccurrences, eventRegistrations, events } from "../schema/index";
import { historyEvents } from "./history-events";
import { DAY_MS, HOUR_MS, historyId, random, shanghaiTime, spreadDaysAgo } from "./history-time";
import type { AllianceRow, UserRow } from "./insert";
import { membershipSeeds } from "./memberships";
import { userSeeds } from "./users";

/**
 * The year's past events (history-events.ts), one date each, with the people who registered (mostly the
 * hosting alliance's members), a few who cancelled, and check-ins at the door: each event's turnout
 * drawn between 60 % and 95 %, so the dashboard's attendance rate reads like a real one. Fixed ids and
 * (occurrence, person) keys: seeding again changes nothing.
 */

type Context = { alliances: Map<string, AllianceRow>; users: Map<string, UserRow>; now: number };

const at = (name: string) => `${name}@demo.qilian.example`;

export const historyEventId = (key: string) => historyId(`event:${key}`);
export const historyOccurrenceId = (key: string) => historyId(`occurrence:${key}`);

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`history event names an unknown ${what}: ${key}`);
  return value;
}

/** A stable check-in code per person and event, from the check-in alphabet (as event-after.ts). */
function code(eventKey: string, email: string): string {
  const bytes = crypto
    .createHash("sha1")
    .update(`qilian-demo-history-check-in:${eventKey}:${email}`)
    .digest();
  let result = "";
  for (let i = 0; i < CHECK_IN_LENGTH; i++) result += CHECK_IN_ALPHABET[bytes[i] % CHECK_IN_ALPHABET.length];
  return result;
}

const everyone = userSeeds.filter((u) => u.platformRole !== "admin").map((u) => u.email);

export async function seedHistoryCalendar(tx: Tx, context: Context): Promise<void> {
  const user = (email: string) => found(context.users, email, "user");
  const eventRows: (Omit<typeof events.$inferInsert, "search"> & { search: SQL })[] = [];
  const occurrenceRows: (typeof eventOccurrences.$inferInsert)[] = [];
  const registrationRows: (typeof eventRegistrations.$inferInsert)[] = [];

  for (const [index, seed] of historyEvents.entries()) {
    const rnd = random(`event:${seed.key}`);
    const host = found(context.alliances, seed.alliance, "alliance");
    const leaders = membershipSeeds.filter(
      (m) => m.alliance === seed.alliance && m.status === "active" && m.role !== "member",
    );
    if (!leaders.some((m) => m.email === at(seed.organizer)))
      throw new Error(`history event ${seed.key}: ${seed.organizer} does not lead ${seed.alliance}`);
    const daysAgo = spreadDaysAgo(index, historyEvents.length, { oldest: 355, newest: 26, growth: 1.3 }, rnd);
    const startsAt = shanghaiTime(context.now, daysAgo, seed.from);
    const endsAt = shanghaiTime(context.now, daysAgo, seed.to);
    const createdAt = new Date(startsAt.getTime() - rnd.int(18, 35) * DAY_MS);
    const id = historyEventId(seed.key);
    const occurrenceId = historyOccurrenceId(seed.key);
    eventRows.push({
      id,
      allianceId: host.id,
      type: seed.type,
      title: seed.title,
      description: seed.description,
      timeZone: "Asia/Shanghai",
      venueName: seed.venue?.name ?? null,
      venueRoom: seed.venue?.room ?? null,
      venueAddress: seed.venue?.address ?? null,
      onlineUrl: seed.onlineUrl ?? null,
      capacity: seed.capacity ?? null,
      visibility: "public",
      status: "published",
      minutes: seed.minutes ?? null,
      minutesUpdatedAt: seed.minutes ? new Date(endsAt.getTime() + rnd.int(20, 60) * HOUR_MS) : null,
      createdById: user(at(seed.organizer)).id,
      search: searchVector({ title: seed.title, body: seed.description }),
      createdAt,
      updatedAt: createdAt,
    });
    occurrenceRows.push({ id: occurrenceId, eventId: id, startsAt, endsAt, originalStartsAt: startsAt });

    // The hosts' members first, then guests from other alliances; a few cancel, most of the rest come.
    const members = new Set(
      membershipSeeds
        .filter((m) => m.alliance === seed.alliance && m.status === "active")
        .map((m) => m.email),
    );
    const ordered = [
      ...rnd.sample(
        everyone.filter((e) => members.has(e)),
        everyone.length,
      ),
      ...rnd.sample(
        everyone.filter((e) => !members.has(e)),
        everyone.length,
      ),
    ];
    const turnout = 0.6 + rnd.next() * 0.35;
    const registrants = ordered.slice(0, Math.min(seed.capacity ?? 99, rnd.int(6, 12)));
    for (const email of registrants) {
      const registeredAt = new Date(startsAt.getTime() - rnd.int(1, 14) * DAY_MS - rnd.int(0, 10) * HOUR_MS);
      const cancelled = rnd.chance(0.08);
      const came = !cancelled && rnd.chance(turnout);
      registrationRows.push({
        occurrenceId,
        userId: user(email).id,
        status: cancelled ? "cancelled" : "confirmed",
        queuedAt: registeredAt,
        code: code(seed.key, email),
        checkedInAt: came ? new Date(startsAt.getTime() + rnd.int(-25, 15) * 60_000) : null,
        createdAt: registeredAt,
        updatedAt: cancelled ? new Date(registeredAt.getTime() + rnd.int(1, 20) * HOUR_MS) : registeredAt,
      });
    }
  }

  await tx.insert(events).values(eventRows).onConflictDoNothing();
  await tx.insert(eventOccurrences).values(occurrenceRows).onConflictDoNothing();
  await tx.insert(eventRegistrations).values(registrationRows).onConflictDoNothing();
  const ids = occurrenceRows.map((o) => o.id!);
  await tx
    .update(eventOccurrences)
    .set({
      confirmedCount: sql`(select count(*)::int from ${eventRegistrations}
        where ${eventRegistrations.occurrenceId} = ${eventOccurrences.id} and ${eventRegistrations.status} = 'confirmed')`,
    })
    .where(inArray(eventOccurrences.id, ids));
}
