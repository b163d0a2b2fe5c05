import { sql } from "drizzle-orm";
import { customType, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { chainNodes } from "./chains";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("problems_search_idx").using("gin", t.search),
    index("problems_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("problems_alliance_created_idx").on(t.allianceId, t.createdAt.desc(), t.id.desc()),
    index("problems_status_created_idx").on(t.status, t.createdAt.desc(), t.id.desc()),
    index("problems_urgency_created_idx").on(t.urgency, t.createdAt.desc(), t.id.desc()),
    index("problems_author_idx").on(t.authorId),
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
  },
  (t) => [primaryKey({ columns: [t.problemId, t.nodeId] }), index("problem_nodes_node_idx").on(t.nodeId)],
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("problem_replies_problem_created_idx").on(t.problemId, t.createdAt, t.id)],
);
