import { index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { users } from "./users";

export const membershipRoleEnum = pgEnum("membership_role", ["chair", "organizer", "member"]);
export const membershipStatusEnum = pgEnum("membership_status", [
  "pending",
  "active",
  "left",
  "removed",
  "rejected",
]);

/**
 * A user in an alliance. One row per (alliance, user) for its whole history: a request, its approval,
 * leaving and rejoining move the same row through its statuses; the audit log keeps the steps.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRoleEnum("role").notNull().default("member"),
    status: membershipStatusEnum("status").notNull().default("pending"),
    /** What the applicant wrote with a request to join, for the organizers who decide it. */
    message: text("message").notNull().default(""),
    /** When the membership last became active: "member since" in the directory. */
    joinedAt: timestamp("joined_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("memberships_alliance_user_uq").on(t.allianceId, t.userId),
    index("memberships_user_idx").on(t.userId),
    index("memberships_alliance_status_idx").on(t.allianceId, t.status),
  ],
);
