import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { chains } from "./chains";

export const joinPolicyEnum = pgEnum("join_policy", ["open", "request", "invite"]);

export const alliances = pgTable("alliances", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionZh: text("description_zh").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  joinPolicy: joinPolicyEnum("join_policy").notNull().default("request"),
  /** Display order: the plan lists the alliances in a fixed order. */
  position: integer("position").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
});

/** The chains an alliance works along. */
export const allianceChains = pgTable(
  "alliance_chains",
  {
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    chainId: uuid("chain_id")
      .notNull()
      .references(() => chains.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.chainId] })],
);
