import { sql } from "drizzle-orm";
import {
  bigserial,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { chainNodes } from "./chains";
import { organizations } from "./organizations";
import { users } from "./users";

/** Filled by the app with searchVector() (app/search): PostgreSQL cannot segment Chinese itself. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const problemVisibilityEnum = pgEnum("problem_visibility", ["public", "alliance"]);
export const problemStatusEnum = pgEnum("problem_status", ["open", "in_progress", "solved", "closed"]);
export const problemUrgencyEnum = pgEnum("problem_urgency", ["low", "normal", "high"]);

/**
 * A common-technology problem on the board. Without an alliance it is posted to all alliances; with one
 * and visibility "alliance", only that alliance's active members (and platform admins) may see it.
 */
export const problems = pgTable(
  "problems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    allianceId: uuid("alliance_id").references(() => alliances.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Markdown source; rendered and sanitized when shown. */
    body: text("body").notNull(),
    visibility: problemVisibilityEnum("visibility").notNull().default("public"),
    status: problemStatusEnum("status").notNull().default("open"),
    urgency: problemUrgencyEnum("urgency").notNull().default("normal"),
    reward: text("reward"),
    deadline: timestamp("deadline", { withTimezone: true }),
    search: tsvector("search").notNull(),
    /**
     * The chains of its nodes, kept with problem_nodes by `setProblemNodes`: the board's chain filter
     * then reads the row it is already on instead of joining every problem of the chain.
     */
    chainIds: uuid("chain_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /**
     * Kept in step by the engagement and application modules in the same transaction, so the board can
     * sort by "most endorsed" and filter "unanswered" from an index at any size.
     */
    endorsementCount: integer("endorsement_count").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    applicationCount: integer("application_count").notNull().default(0),
    /** Hidden by an organizer (or operator) with a reason: off the board for everyone but them and the author. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("problems_search_idx").using("gin", t.search),
    // Ascending on purpose: the board orders by `desc` (nulls first), which is exactly these read backwards;
    // drizzle's `.desc()` writes DESC NULLS LAST, which that order cannot use.
    index("problems_created_idx").on(t.createdAt, t.id),
    index("problems_alliance_created_idx").on(t.allianceId, t.createdAt, t.id),
    index("problems_status_created_idx").on(t.status, t.createdAt, t.id),
    index("problems_urgency_created_idx").on(t.urgency, t.createdAt, t.id),
    index("problems_author_idx").on(t.authorId),
    index("problems_endorsed_idx").on(t.endorsementCount, t.createdAt, t.id),
    index("problems_deadline_idx")
      .on(t.deadline, t.id)
      .where(sql`${t.deadline} is not null`),
    index("problems_unanswered_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.replyCount} = 0 and ${t.applicationCount} = 0`),
    index("problems_alliance_only_idx")
      .on(t.allianceId)
      .where(sql`${t.visibility} = 'alliance'`),
  ],
);

export const problemNodes = pgTable(
  "problem_nodes",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
    /**
     * The problem's own `created_at`, copied by a trigger on insert (migration 0011): matching takes "the
     * newest on these nodes" from the index below alone, instead of reading every problem of a busy node.
     */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.problemId, t.nodeId] }),
    index("problem_nodes_node_created_idx").on(t.nodeId, t.createdAt, t.problemId),
  ],
);

export const problemTags = pgTable(
  "problem_tags",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.tag] }), index("problem_tags_tag_idx").on(t.tag)],
);

/** "We have this too": one per user and problem, so the count measures how common the problem is. */
export const problemEndorsements = pgTable(
  "problem_endorsements",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.problemId, t.userId] }),
    index("problem_endorsements_user_idx").on(t.userId),
  ],
);

/** Replies on a problem's page, Markdown like the problem's body; shown oldest first. */
export const problemReplies = pgTable(
  "problem_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("problem_replies_problem_created_idx").on(t.problemId, t.createdAt, t.id)],
);

export const applicationStatusEnum = pgEnum("problem_application_status", [
  "submitted",
  "shortlisted",
  "accepted",
  "declined",
  "withdrawn",
]);

/**
 * An offer to solve a problem (揭榜): one per applicant and problem. The poster shortlists, declines or
 * accepts; accepting one moves the problem to "in progress", and at most one is accepted at a time.
 */
export const problemApplications = pgTable(
  "problem_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    applicantId: text("applicant_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The organization the applicant applies for; null when applying in their own name. */
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "set null" }),
    approach: text("approach").notNull(),
    timeline: text("timeline").notNull(),
    team: text("team").notNull(),
    status: applicationStatusEnum("status").notNull().default("submitted"),
    /** The poster's note when deciding (a reason to decline, say). */
    decisionNote: text("decision_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("problem_applications_once_idx").on(t.problemId, t.applicantId),
    uniqueIndex("problem_applications_one_accepted_idx")
      .on(t.problemId)
      .where(sql`${t.status} = 'accepted'`),
    index("problem_applications_applicant_idx").on(t.applicantId),
  ],
);

/** The poster's plan for an accepted solution: titled steps with an optional due day, ticked off when done. */
export const problemMilestones = pgTable(
  "problem_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueOn: date("due_on"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("problem_milestones_problem_idx").on(t.problemId, t.position)],
);

export const problemEventKindEnum = pgEnum("problem_event_kind", [
  "posted",
  "edited",
  "status_changed",
  "application_accepted",
  "hidden",
  "restored",
]);

/**
 * A problem's timeline, appended in the transaction of each change: when it was posted, whose
 * application was accepted, every status change (with the poster's note), edits and moderation. The
 * dashboard measures times to first response and to solution from it.
 */
export const problemEvents = pgTable(
  "problem_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: problemEventKindEnum("kind").notNull(),
    fromStatus: problemStatusEnum("from_status"),
    toStatus: problemStatusEnum("to_status"),
    applicationId: uuid("application_id").references(() => problemApplications.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("problem_events_problem_idx").on(t.problemId, t.id)],
);

/** Every saved version of a problem's text, the first one included, so any edit can be compared. */
export const problemRevisions = pgTable(
  "problem_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("problem_revisions_problem_idx").on(t.problemId, t.id)],
);

/** People who asked to hear about a problem's replies, applications and status changes. */
export const problemFollows = pgTable(
  "problem_follows",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.userId] }), index("problem_follows_user_idx").on(t.userId)],
);
