import { bigserial, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const emailStatusEnum = pgEnum("email_status", ["queued", "sent", "failed"]);

/**
 * Outgoing mail, queued in the transaction that decided to send it (an invitation, a decision), so a
 * crash never sends mail for a change that rolled back nor loses mail for one that committed. A sender
 * delivers queued rows over SMTP when SMTP_URL is set; without it they stay here.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    status: emailStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not before this: a failed mail waits longer after each attempt. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);
