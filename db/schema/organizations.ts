import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chainNodes } from "./chains";
import { users } from "./users";

export const orgKindEnum = pgEnum("org_kind", [
  "enterprise",
  "university",
  "institute",
  "association",
  "agency",
]);
export const orgRoleEnum = pgEnum("org_role", ["admin", "representative"]);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  kind: orgKindEnum("kind").notNull(),
  descriptionZh: text("description_zh").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  website: text("website"),
  city: text("city"),
  verified: boolean("verified").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A user representing an organization; a user may represent several. */
export const orgRepresentatives = pgTable(
  "org_representatives",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: orgRoleEnum("role").notNull().default("representative"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    // Pages ask "which organizations does this person represent" for many people at once.
    index("org_representatives_user_idx").on(t.userId),
  ],
);

export const positionKindEnum = pgEnum("position_kind", ["supplies", "needs"]);

/** Where an organization stands on a chain: a node it supplies, or a node whose output it needs. */
export const orgPositions = pgTable(
  "org_positions",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
    kind: positionKindEnum("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.nodeId, t.kind] }),
    index("org_positions_node_kind_idx").on(t.nodeId, t.kind),
  ],
);
