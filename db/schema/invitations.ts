import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { organizations } from "./organizations";
import { users } from "./users";

/**
 * An invitation into an alliance (as a member) or an organization (as a representative), exactly one of
 * the two. With an email it is meant for that person; without, it is a link anyone holding it may use.
 * Either way it is used once and expires. Only a hash of the token is stored, so a database leak
 * hands out no working links.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id").references(() => alliances.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("invitations_one_target", sql`num_nonnulls(${t.allianceId}, ${t.orgId}) = 1`),
    index("invitations_alliance_idx").on(t.allianceId, t.createdAt),
    index("invitations_org_idx").on(t.orgId, t.createdAt),
  ],
);
