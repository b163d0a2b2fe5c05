import { eq, sql } from "drizzle-orm";
import { eventProblems, events } from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { EventRef } from "./event-access.server";
import { attendanceByOccurrence, type Attendance } from "./event-attendance.server";
import { visibleProblems, type EventProblem } from "./event-page.server";

/** The event page's after-the-event section; plain JSON. */
export type EventAfter = {
  /** Rendered minutes; null when none are posted. */
  html: string | null;
  minutesUpdatedAt: string | null;
  /** Follow-up problems the viewer may see. */
  followUps: EventProblem[];
  /** Organizers only: an occurrence has ended, so minutes may be posted. */
  editable: boolean;
  /** Organizers only: the form's current values (follow-ups as ids, one per line, hidden ones included). */
  form: { minutes: string; followUps: string } | null;
  /** Organizers only: attendance of the occurrences that have ended. */
  attendance: Attendance[];
};

/**
 * Minutes, follow-ups and, for organizers, attendance and the form's values: one query for everyone,
 * a second for organizers once the event has ended. `occurrences` are the page's, already loaded.
 */
export async function getEventAfter(
  db: DbOrTx,
  viewer: Viewer,
  ref: Pick<EventRef, "id" | "manage" | "registrants">,
  occurrences: readonly { endsAt: string | Date; status: string }[],
  now = new Date(),
): Promise<EventAfter> {
  const ended = occurrences.some((o) => o.status === "scheduled" && new Date(o.endsAt) <= now);
  const [row] = await db
    .select({
      minutes: events.minutes,
      minutesUpdatedAt: events.minutesUpdatedAt,
      followUps: visibleProblems(viewer, "follow_up"),
      followUpIds: sql<string[]>`array(select ${eventProblems.problemId} from ${eventProblems}
        where ${eventProblems.eventId} = ${qualified(events.id)} and ${eventProblems.link} = 'follow_up')`,
    })
    .from(events)
    .where(eq(events.id, ref.id));
  const attendance =
    ended && ref.registrants
      ? (await attendanceByOccurrence(db, ref.id, now)).filter((a) => a.noShows !== null)
      : [];
  return {
    html: row?.minutes ? renderMarkdown(row.minutes) : null,
    minutesUpdatedAt: row?.minutesUpdatedAt?.toISOString() ?? null,
    followUps: row?.followUps ?? [],
    editable: ref.manage && ended,
    form:
      ref.manage && ended
        ? { minutes: row?.minutes ?? "", followUps: (row?.followUpIds ?? []).join("\n") }
        : null,
    attendance,
  };
}
