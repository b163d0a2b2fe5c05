import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * Who changed what, kept for organizers and operators: membership decisions and role changes now,
 * moderation later. Written in the same transaction as the change it records. `action` is a dotted name
 * (`membership.approved`); `subjectUserId` is the person the change was about.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    action: text("action").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    subjectUserId: text("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    allianceId: uuid("alliance_id").references(() => alliances.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_alliance_idx").on(t.allianceId, t.id),
    index("audit_log_org_idx").on(t.orgId, t.id),
  ],
);
