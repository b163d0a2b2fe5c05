import { bigserial, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { users } from "./users";

/** What can be reported. */
export const reportSubjectEnum = pgEnum("report_subject", [
  "problem",
  "problem_reply",
  "channel_message",
  "resource",
]);
export const reportStatusEnum = pgEnum("report_status", ["open", "hidden", "dismissed"]);

/**
 * One review queue for every kind of content: a member reports something with a reason, and an
 * organizer of its alliance (or an operator, for content outside any alliance) hides it or dismisses
 * the report. `allianceId` scopes the queue; the subject row itself carries the hidden state.
 */
export const contentReports = pgTable(
  "content_reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subjectType: reportSubjectEnum("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    allianceId: uuid("alliance_id").references(() => alliances.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    status: reportStatusEnum("status").notNull().default("open"),
    resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("content_reports_once_idx").on(t.subjectType, t.subjectId, t.reporterId),
    index("content_reports_queue_idx").on(t.allianceId, t.status, t.id),
  ],
);
