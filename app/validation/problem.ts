import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The problem forms' schemas and the board's query string. Messages are i18n keys. Whether the chosen
 * nodes exist and the author belongs to the chosen alliance needs the database: the model checks those.
 */

export const problemStatuses = ["open", "in_progress", "solved", "closed"] as const;
export const problemUrgencies = ["low", "normal", "high"] as const;
export const problemVisibilities = ["public", "alliance"] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export type ProblemUrgency = (typeof problemUrgencies)[number];
export type ProblemVisibility = (typeof problemVisibilities)[number];

export const TITLE_MIN = 5;
export const TITLE_MAX = 120;
export const BODY_MAX = 20_000;
export const TAGS_MAX = 8;
export const TAG_MAX = 20;
export const REWARD_MAX = 200;
/** More nodes than a problem can plausibly concern; the cap bounds the work one request asks for. */
export const NODES_MAX = 20;
export const SEARCH_MAX = 200;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Tags are typed as one line, split on ASCII or Chinese commas and enumeration marks; repeats collapse. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[,，、;；]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

/** A deadline is a day; it runs to the end of that day in China Standard Time, where the alliances are. */
export function deadlineOf(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/**
 * The posting form's schema, shared by editing. `keptDeadline` (a day) is the deadline a problem
 * already has: editing may leave it as it is after it has passed, but never move it to another past day.
 */
export const problemSchema = (keptDeadline: string | null = null) =>
  z
    .object({
      title: z
        .string(required("problem.error.titleRequired"))
        .trim()
        .min(TITLE_MIN, m("problem.error.titleTooShort"))
        .max(TITLE_MAX, m("problem.error.titleTooLong")),
      body: z
        .string(required("problem.error.bodyRequired"))
        .trim()
        .min(1, m("problem.error.bodyRequired"))
        .max(BODY_MAX, m("problem.error.bodyTooLong")),
      allianceId: z.string().regex(UUID, m("problem.error.allianceInvalid")).optional(),
      visibility: z.enum(problemVisibilities, {
        errorMap: () => ({ message: m("problem.error.visibilityInvalid") }),
      }),
      urgency: z.enum(problemUrgencies, { errorMap: () => ({ message: m("problem.error.urgencyInvalid") }) }),
      nodeIds: z
        .array(z.string(), { invalid_type_error: m("problem.error.nodesInvalid") })
        .max(NODES_MAX, m("problem.error.nodesTooMany"))
        .refine((ids) => ids.every((id) => UUID.test(id)), m("problem.error.nodesInvalid"))
        .default([]),
      tags: z
        .string()
        .max(TAGS_MAX * (TAG_MAX + 2), m("problem.error.tagsTooMany"))
        .optional()
        .transform((text) => splitTags(text ?? ""))
        .refine((tags) => tags.length <= TAGS_MAX, m("problem.error.tagsTooMany"))
        .refine((tags) => tags.every((tag) => tag.length <= TAG_MAX), m("problem.error.tagTooLong")),
      reward: z.string().trim().max(REWARD_MAX, m("problem.error.rewardTooLong")).optional(),
      deadline: z
        .string()
        .regex(DATE, m("problem.error.deadlineInvalid"))
        .refine((day) => !Number.isNaN(deadlineOf(day).getTime()), m("problem.error.deadlineInvalid"))
        .refine(
          (day) => day === keptDeadline || deadlineOf(day).getTime() > Date.now(),
          m("problem.error.deadlinePast"),
        )
        .optional(),
    })
    .superRefine((value, ctx) => {
      if (value.visibility === "alliance" && !value.allianceId) {
        ctx.addIssue({ code: "custom", path: ["allianceId"], message: m("problem.error.allianceRequired") });
      }
    });

export const problemCreateSchema = problemSchema();

export type ProblemCreateInput = z.infer<typeof problemCreateSchema>;

export const REPLY_MAX = 10_000;

export const problemReplySchema = z.object({
  body: z
    .string(required("problem.reply.error.required"))
    .trim()
    .min(1, m("problem.reply.error.required"))
    .max(REPLY_MAX, m("problem.reply.error.tooLong")),
});

/**
 * The board's orders. "unanswered" is a filter as well (no replies, no applications yet), newest first;
 * "deadline" keeps only problems whose deadline is still ahead, soonest first.
 */
export const boardSorts = ["newest", "endorsed", "unanswered", "deadline"] as const;
export type BoardSort = (typeof boardSorts)[number];

/**
 * The board's query string. Filters arrive in links people share, so a value that is not understood
 * means "no filter" rather than an error page.
 */
export type BoardQuery = {
  q: string;
  alliance: string | null;
  chain: string | null;
  node: string | null;
  status: ProblemStatus | null;
  urgency: ProblemUrgency | null;
  tag: string | null;
  sort: BoardSort;
  cursor: string | null;
};

const SLUG = /^[a-z0-9-]{1,100}$/;

export function parseBoardQuery(params: URLSearchParams): BoardQuery {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const status = text("status");
  const urgency = text("urgency");
  const tag = text("tag");
  const sort = text("sort");
  return {
    q: text("q").slice(0, SEARCH_MAX),
    alliance: SLUG.test(text("alliance")) ? text("alliance") : null,
    chain: SLUG.test(text("chain")) ? text("chain") : null,
    node: UUID.test(text("node")) ? text("node") : null,
    status: problemStatuses.includes(status as ProblemStatus) ? (status as ProblemStatus) : null,
    urgency: problemUrgencies.includes(urgency as ProblemUrgency) ? (urgency as ProblemUrgency) : null,
    tag: tag.length > 0 && tag.length <= TAG_MAX ? tag : null,
    sort: boardSorts.includes(sort as BoardSort) ? (sort as BoardSort) : "newest",
    cursor: text("cursor") || null,
  };
}
