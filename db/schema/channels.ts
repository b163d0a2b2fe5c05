import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { users } from "./users";

/**
 * `general` is every alliance's `#general` (exactly one each, made by a trigger when the alliance is
 * inserted, so no writer can forget it); `open` channels are for all members; `private` ones for the
 * people invited (their `channel_members` rows).
 */
export const channelKindEnum = pgEnum("channel_kind", ["general", "open", "private"]);

export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: channelKindEnum("kind").notNull().default("open"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Archived channels are read-only and listed apart. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** The newest message's `seq` (0 when none): unread counts compare read positions with it. */
    lastMessageSeq: bigint("last_message_seq", { mode: "number" }).notNull().default(0),
  },
  (t) => [
    uniqueIndex("channels_alliance_slug_idx").on(t.allianceId, t.slug),
    uniqueIndex("channels_one_general_idx")
      .on(t.allianceId)
      .where(sql`${t.kind} = 'general'`),
  ],
);

/**
 * A person's place in a channel: in a private channel the row is the invitation (no row, no access);
 * in every channel it holds the read position, written on first read.
 */
export const channelMembers = pgTable(
  "channel_members",
  {
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Messages up to this `seq` have been read. */
    lastReadSeq: bigint("last_read_seq", { mode: "number" }).notNull().default(0),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index("channel_members_user_idx").on(t.userId)],
);

/**
 * A message. `seq` orders a channel's messages: it is drawn under the channel topic's lock, so within a
 * channel seq order is commit order and a read position never skips a message that commits later.
 * `(author_id, client_key)` makes sending idempotent: a retried send finds the first one.
 */
export const channelMessages = pgTable(
  "channel_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The Markdown as written. */
    body: text("body").notNull(),
    /** The sanitized HTML rendered from `body` (mentions marked), rendered once per write. */
    bodyHtml: text("body_html").notNull(),
    replyToId: uuid("reply_to_id").references((): AnyPgColumn => channelMessages.id, {
      onDelete: "set null",
    }),
    clientKey: text("client_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** Deleted by its author or an organizer: shown as "message removed", body cleared. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedById: text("deleted_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Hidden by a moderator after a report, with the reason shown in its place. */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    uniqueIndex("channel_messages_seq_idx").on(t.seq),
    uniqueIndex("channel_messages_client_key_idx").on(t.authorId, t.clientKey),
    index("channel_messages_channel_seq_idx").on(t.channelId, t.seq),
    index("channel_messages_author_created_idx").on(t.authorId, t.createdAt),
    check("channel_messages_body_length", sql`char_length(${t.body}) <= 10000`),
  ],
);

/** Who a message mentions: their bell rings, and "mentions" finds it. */
export const messageMentions = pgTable(
  "message_mentions",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => channelMessages.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index("message_mentions_user_idx").on(t.userId)],
);

export const notificationDeliveryEnum = pgEnum("notification_delivery", ["in_app", "email", "off"]);

/**
 * How a user wants one type of notification (a prefix such as `channel.mention` or `event.reminder`);
 * no row means the type's default. `email` also shows it in the app.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    delivery: notificationDeliveryEnum("delivery").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

export const allianceNotifyLevelEnum = pgEnum("alliance_notify_level", ["all", "mentions", "none"]);

/** How much a user hears from one alliance's channels; no row means `mentions`. */
export const allianceNotificationLevels = pgTable(
  "alliance_notification_levels",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    level: allianceNotifyLevelEnum("level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.allianceId] })],
);

/** Who wants the daily digest email, and when it last went out. */
export const notificationDigests = pgTable("notification_digests", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
});
