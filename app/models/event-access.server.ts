import { eq, sql } from "drizzle-orm";
import { eventCohosts, eventOccurrences, events, memberships } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import {
  allianceRole,
  canInAlliance,
  canSeeEvent,
  type AllianceRole,
  type MembershipState,
  type Viewer,
} from "~/utils/permissions.server";
import { isUuid } from "./topic-records.server";

/**
 * Who may see an event and what the viewer is to it, in one query — asked by every page, action and
 * socket subscription that touches an event or one of its occurrences:
 * - drafts exist only for those who may manage the event (`event.manage` in the host alliance);
 * - alliance-only events exist only for active members of a host or co-host alliance (`canSeeEvent`).
 */

export type EventRef = {
  id: string;
  title: string;
  allianceId: string;
  /** Host and co-hosts. */
  allianceIds: string[];
  status: "draft" | "published" | "cancelled";
  visibility: "public" | "alliance";
  timeZone: string;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** The viewer's role in the host alliance. */
  role: AllianceRole;
  /** May edit, publish, cancel (`event.manage` in the host alliance). */
  manage: boolean;
  /** May see registrants, export them and check people in. */
  registrants: boolean;
};

const hostAndCohosts = (eventId: ReturnType<typeof qualified>) =>
  sql<string[]>`array(select ${qualified(events.allianceId)} union
    select ${eventCohosts.allianceId} from ${eventCohosts} where ${eventCohosts.eventId} = ${eventId})`;

async function fetchEvent(db: DbOrTx, viewer: Viewer, eventId: string) {
  const [row] = await db
    .select({
      id: events.id,
      title: events.title,
      allianceId: events.allianceId,
      allianceIds: hostAndCohosts(qualified(events.id)),
      status: events.status,
      visibility: events.visibility,
      timeZone: events.timeZone,
      capacity: events.capacity,
      registrationOpensAt: events.registrationOpensAt,
      registrationClosesAt: events.registrationClosesAt,
      hostMembership: viewer
        ? sql<MembershipState>`(select json_build_object('role', ${memberships.role}, 'status', ${memberships.status})
            from ${memberships} where ${memberships.allianceId} = ${qualified(events.allianceId)}
            and ${memberships.userId} = ${viewer.id})`
        : sql<MembershipState>`null`,
      activeIn: viewer
        ? sql<string[]>`array(select ${memberships.allianceId} from ${memberships}
            where ${memberships.userId} = ${viewer.id} and ${memberships.status} = 'active')`
        : sql<string[]>`'{}'::uuid[]`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? null;
}

/** The event if it exists and the viewer may see it; null otherwise (malformed ids included). */
export async function eventAccess(db: DbOrTx, viewer: Viewer, eventId: string): Promise<EventRef | null> {
  if (!isUuid(eventId)) return null;
  const row = await fetchEvent(db, viewer, eventId);
  if (!row) return null;
  const role = allianceRole(viewer, row.hostMembership);
  const manage = canInAlliance(role, "event.manage");
  if (!canSeeEvent(viewer, new Set(row.activeIn), row, manage)) return null;
  const { hostMembership: _membership, activeIn: _activeIn, ...event } = row;
  return { ...event, role, manage, registrants: canInAlliance(role, "event.registrants.view") };
}

export type OccurrenceRef = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "cancelled";
  event: EventRef;
};

/** One occurrence with its event, under the same rules; null when either is missing or hidden. */
export async function occurrenceAccess(
  db: DbOrTx,
  viewer: Viewer,
  occurrenceId: string,
): Promise<OccurrenceRef | null> {
  if (!isUuid(occurrenceId)) return null;
  const [occurrence] = await db
    .select({
      id: eventOccurrences.id,
      eventId: eventOccurrences.eventId,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      status: eventOccurrences.status,
    })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, occurrenceId));
  if (!occurrence) return null;
  const event = await eventAccess(db, viewer, occurrence.eventId);
  if (!event) return null;
  const { eventId: _eventId, ...rest } = occurrence;
  return { ...rest, event };
}
