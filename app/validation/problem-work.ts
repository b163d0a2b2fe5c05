import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The 揭榜 forms on a problem's page: applying, deciding applications, changing the status, milestones.
 * Messages are i18n keys. Whether the chosen organization is one the applicant represents, and whether
 * a decision or transition fits the current state, needs the database: the models check those.
 */

export const APPROACH_MAX = 5_000;
export const TIMELINE_MAX = 500;
export const TEAM_MAX = 1_000;
export const NOTE_MAX = 1_000;
export const MILESTONE_TITLE_MAX = 120;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number, missing: MessageKey, tooLong: MessageKey) =>
  z.string(required(missing)).trim().min(1, m(missing)).max(max, m(tooLong));
const note = z.string().trim().max(NOTE_MAX, m("problemWork.error.noteTooLong")).default("");

export const applicationSchema = z.object({
  intent: z.literal("apply"),
  approach: text(APPROACH_MAX, "problemWork.error.approachRequired", "problemWork.error.approachTooLong"),
  timeline: text(TIMELINE_MAX, "problemWork.error.timelineRequired", "problemWork.error.timelineTooLong"),
  team: text(TEAM_MAX, "problemWork.error.teamRequired", "problemWork.error.teamTooLong"),
  /** Left out: applying in one's own name. */
  orgId: z.string().regex(UUID, m("problemWork.error.orgInvalid")).optional(),
});
export type ApplicationInput = z.infer<typeof applicationSchema>;

export const applicationDecisions = ["shortlist", "decline", "accept"] as const;
export type ApplicationDecision = (typeof applicationDecisions)[number];

/** The poster's answer to one application; only declining carries a note to the applicant. */
export const decisionSchema = z.object({
  intent: z.enum(applicationDecisions),
  applicationId: z
    .string(required("problemWork.error.applicationMissing"))
    .regex(UUID, m("problemWork.error.applicationMissing")),
  note,
});

export const statusChanges = ["solve", "close", "reopen"] as const;
export type StatusChange = (typeof statusChanges)[number];

/** Accepting a solution and reopening may say why; closing must, since followers are told. */
export const statusSchema = z
  .object({ intent: z.enum(statusChanges), note })
  .refine((v) => v.intent !== "close" || v.note.length > 0, {
    path: ["note"],
    message: m("problemWork.error.closeNoteRequired"),
  });

/** A milestone's due day, checked to be a real calendar day (2026-02-30 is not). */
function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

export const milestoneSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    title: text(
      MILESTONE_TITLE_MAX,
      "problemWork.error.milestoneTitleRequired",
      "problemWork.error.milestoneTitleTooLong",
    ),
    dueOn: z.string().refine(isDay, m("problemWork.error.milestoneDueInvalid")).optional(),
  }),
  z.object({
    intent: z.enum(["done", "undone", "delete"]),
    milestoneId: z
      .string(required("problemWork.error.milestoneMissing"))
      .regex(UUID, m("problemWork.error.milestoneMissing")),
  }),
]);
export type MilestoneInput = z.infer<typeof milestoneSchema>;
