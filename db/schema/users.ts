import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const localeEnum = pgEnum("locale", ["zh-CN", "en"]);
export const platformRoleEnum = pgEnum("platform_role", ["admin"]);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: localeEnum("locale").notNull().default("zh-CN"),
    platformRole: platformRoleEnum("platform_role"),
    /** Privacy: fellow members see the email unless this is set. */
    hideEmail: boolean("hide_email").notNull().default(false),
    /** Privacy: left out of member directories (still counted, still named where they act). */
    listedInDirectory: boolean("listed_in_directory").notNull().default(true),
    /** Event reminders: minutes before an occurrence starts (1440 and 60 by default; empty is off). */
    eventReminderMinutes: integer("event_reminder_minutes")
      .array()
      .notNull()
      .default(sql`'{1440,60}'::integer[]`),
    /** Reminders also by email (when mail is set up), not only in the app. */
    eventReminderEmail: boolean("event_reminder_email").notNull().default(true),
    /**
     * Set by an operator: the account cannot log in, its sessions were ended and its sockets closed.
     * Its content stays (moderation hides content, not people).
     */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedById: text("suspended_by_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    suspendedReason: text("suspended_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/** Lucia's session table: the shape its drizzle adapter expects. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed log-ins, keyed by account and by client address, for throttling. */
export const authFailures = pgTable(
  "auth_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_failures_key_at_idx").on(t.key, t.at)],
);
