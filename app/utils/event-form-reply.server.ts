import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Clash } from "~/models/event-clash.server";
import type { PersonOverlap } from "~/models/event-overlap.server";

type Reply = (options?: { fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>;

export type EventFormReply = {
  result: SubmissionResult<string[]>;
  clash: Clash | null;
  overlaps: PersonOverlap[];
};

/**
 * The 400 of the event form, for creating and editing alike: the form's own errors, or those the model
 * found (unknown host, a room clash, capacity below the seats taken, people busy elsewhere), with
 * everything typed kept.
 */
export function refuseEventForm(
  submission: { reply: Reply },
  refused?: { fieldErrors: object; clash?: Clash; overlaps?: PersonOverlap[] },
) {
  return data<EventFormReply>(
    {
      result: submission.reply(
        refused ? { fieldErrors: refused.fieldErrors as Record<string, string[]> } : undefined,
      ),
      clash: refused?.clash ?? null,
      overlaps: refused?.overlaps ?? [],
    },
    { status: 400 },
  );
}
