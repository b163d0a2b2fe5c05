import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { chainNodes } from "./chains";
import { organizations } from "./organizations";
import { problems } from "./problems";
import { users } from "./users";

/** Filled by the app with searchVector() (app/search), as for problems (ADR 0009). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const resourceKindEnum = pgEnum("resource_kind", [
  "result",
  "product",
  "service",
  "dataset",
  "document",
  "equipment",
  "lab_time",
]);
export const resourceVisibilityEnum = pgEnum("resource_visibility", ["public", "alliance"]);
export const resourceTermsEnum = pgEnum("resource_terms", ["free", "paid", "negotiable"]);
/** How the provider works with whoever takes it up; several may apply. */
export const resourceModeEnum = pgEnum("resource_mode", [
  "licensing",
  "transfer",
  "joint_development",
  "service_contract",
  "rental",
  "purchase",
]);

/**
 * Something an organization shares: a research result (成果), a product, a service offer, a dataset, a
 * document, equipment or lab time. Public, or for the members of the alliances it is shared with
 * (`resource_alliances`), as problems are. Past `expiresOn` the owner is asked to confirm it is still
 * current; confirming moves the date on.
 */
export const resources = pgTable(
  "resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: resourceKindEnum("kind").notNull(),
    title: text("title").notNull(),
    /** Markdown source; rendered and sanitized when shown. */
    description: text("description").notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The person inquiries go to: a representative of the organization. */
    contactUserId: text("contact_user_id").references(() => users.id, { onDelete: "set null" }),
    visibility: resourceVisibilityEnum("visibility").notNull().default("public"),
    terms: resourceTermsEnum("terms").notNull(),
    modes: resourceModeEnum("modes")
      .array()
      .notNull()
      .default(sql`'{}'::resource_mode[]`),
    /** Free text beside the terms: price range, licence conditions, availability. */
    termsNote: text("terms_note").notNull().default(""),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The chains of its nodes, kept with resource_nodes in the same transaction (as problems.chain_ids). */
    chainIds: uuid("chain_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    search: tsvector("search").notNull(),
    expiresOn: date("expires_on").notNull(),
    /** When the owner was last asked to confirm (once per expiry). */
    expiryNoticeAt: timestamp("expiry_notice_at", { withTimezone: true }),
    /** Withdrawn by its owner: kept for inquiries' history, off the catalogue and matches. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    inquiryCount: integer("inquiry_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resources_search_idx").using("gin", t.search),
    index("resources_created_idx").on(t.createdAt, t.id),
    index("resources_org_idx").on(t.orgId),
    index("resources_kind_created_idx").on(t.kind, t.createdAt, t.id),
    index("resources_chain_ids_idx").using("gin", t.chainIds),
    index("resources_tags_idx").using("gin", t.tags),
    index("resources_expires_idx")
      .on(t.expiresOn)
      .where(sql`${t.withdrawnAt} is null and ${t.expiryNoticeAt} is null`),
  ],
);

export const resourceNodes = pgTable(
  "resource_nodes",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    nodeId: uuid("node_id")
      .notNull()
      .references(() => chainNodes.id, { onDelete: "cascade" }),
    /**
     * The resource's own `created_at`, copied by a trigger on insert (migration 0011): matching takes "the
     * newest on these nodes" from the index below alone, instead of reading every resource of a busy node.
     */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.nodeId] }),
    index("resource_nodes_node_created_idx").on(t.nodeId, t.createdAt, t.resourceId),
  ],
);

/** The alliances a resource is shared with: its tab in each, and who may see it when alliance-only. */
export const resourceAlliances = pgTable(
  "resource_alliances",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.allianceId] }),
    index("resource_alliances_alliance_idx").on(t.allianceId),
  ],
);

/**
 * An uploaded file of a resource or a problem (exactly one). Stored under DATA_DIR as `storedName`
 * (random, never the user's name); `fileName` is the sanitized original, used only in
 * Content-Disposition. `mime` is what the content was sniffed to be, not what the browser claimed.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id").references(() => resources.id, { onDelete: "cascade" }),
    problemId: uuid("problem_id").references(() => problems.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    storedName: text("stored_name").notNull().unique(),
    mime: text("mime").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("attachments_one_owner", sql`num_nonnulls(${t.resourceId}, ${t.problemId}) = 1`),
    index("attachments_resource_idx").on(t.resourceId),
    index("attachments_problem_idx").on(t.problemId),
  ],
);

export const inquiryStatusEnum = pgEnum("inquiry_status", [
  "open",
  "answered",
  "accepted",
  "declined",
  "withdrawn",
]);

/**
 * A member asking a resource's provider about it: what for, and optionally for which of their problems
 * (a match taken up). The provider (the organization's representatives) answers in the thread and
 * accepts or declines; one inquiry per asker and resource while it is undecided.
 */
export const inquiries = pgTable(
  "inquiries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    askerId: text("asker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    askerOrgId: uuid("asker_org_id").references(() => organizations.id, { onDelete: "set null" }),
    problemId: uuid("problem_id").references(() => problems.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    intendedUse: text("intended_use").notNull(),
    status: inquiryStatusEnum("status").notNull().default("open"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inquiries_one_undecided_idx")
      .on(t.resourceId, t.askerId)
      .where(sql`${t.status} in ('open', 'answered')`),
    index("inquiries_resource_idx").on(t.resourceId, t.createdAt),
    index("inquiries_asker_idx").on(t.askerId, t.createdAt),
  ],
);

/** The thread of an inquiry after its first message, oldest first. */
export const inquiryMessages = pgTable(
  "inquiry_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    inquiryId: uuid("inquiry_id")
      .notNull()
      .references(() => inquiries.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("inquiry_messages_body_len", sql`char_length(${t.body}) between 1 and 5000`),
    index("inquiry_messages_inquiry_idx").on(t.inquiryId, t.id),
  ],
);

/**
 * A high-scoring match found when a problem or a resource was saved, kept so its provider and the
 * problem's poster are told once (`notifiedAt`), and so the dashboard can count matches taken up.
 * Rankings shown on pages are computed live; this table only remembers what was announced.
 */
export const resourceMatches = pgTable(
  "resource_matches",
  {
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    /** { node?: {zh,en}, upstream?: {zh,en}, shared: string[] } as shown beside the match. */
    reasons: jsonb("reasons").$type<Record<string, unknown>>().notNull().default({}),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.problemId, t.resourceId] }),
    index("resource_matches_resource_idx").on(t.resourceId),
  ],
);
