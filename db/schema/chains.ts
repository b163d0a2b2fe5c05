import { index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";

/** One of the plan's seven industry chains. */
export const chains = pgTable("chains", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionZh: text("description_zh").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  position: integer("position").notNull().default(0),
});

export const chainNodes = pgTable(
  "chain_nodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    chainId: uuid("chain_id")
      .notNull()
      .references(() => chains.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [unique("chain_nodes_chain_slug_uq").on(t.chainId, t.slug)],
);

/** A supply link: `fromNodeId` is upstream of `toNodeId`. */
export const chainEdges = pgTable(
  "chain_edges",
  {
    fromNodeId: uuid("from_node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
    toNodeId: uuid("to_node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.fromNodeId, t.toNodeId] }), index("chain_edges_to_idx").on(t.toNodeId)],
);
