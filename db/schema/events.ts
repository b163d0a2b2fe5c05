import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { alliances } from "./alliances";
import { problems } from "./problems";
import { users } from "./users";

/** Filled by the app with searchVector() (app/search), as for problems. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const eventTypeEnum = pgEnum("event_type", [
  "seminar",
  "academic_exchange",
  "workshop",
  "alliance_meeting",
  "site_visit",
]);
export const eventStatusEnum = pgEnum("event_status", ["draft", "published", "cancelled"]);
export const eventVisibilityEnum = pgEnum("event_visibility", ["public", "alliance"]);

/**
 * A seminar, exchange or meeting, hosted by one alliance (co-hosts in event_cohosts). Its times live on
 * its occurrences: a single event has one, a series (`rrule`, RFC 5545) one per date, so registration,
 * capacity and cancellation always work per occurrence. `timeZone` is the IANA zone the organizer
 * thinks in: wall-clock times of a series stay put across daylight-saving changes.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    type: eventTypeEnum("type").notNull().default("seminar"),
    title: text("title").notNull(),
    /** Markdown source; rendered and sanitized when shown. */
    description: text("description").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    venueName: text("venue_name"),
    venueRoom: text("venue_room"),
    venueAddress: text("venue_address"),
    /** Shown only to people registered for an occurrence (and organizers). */
    onlineUrl: text("online_url"),
    /** Seats per occurrence; null is unlimited. */
    capacity: integer("capacity"),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    /** Null closes registration when the occurrence starts. */
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    visibility: eventVisibilityEnum("visibility").notNull().default("public"),
    status: eventStatusEnum("status").notNull().default("draft"),
    /** RFC 5545 RRULE of a series (FREQ=WEEKLY;INTERVAL=2;COUNT=6 …); null for a single event. */
    rrule: text("rrule"),
    /** The iCalendar SEQUENCE: raised on every change a calendar should pick up. */
    sequence: integer("sequence").notNull().default(0),
    /** After the event: minutes and outcomes (Markdown). */
    minutes: text("minutes"),
    minutesUpdatedAt: timestamp("minutes_updated_at", { withTimezone: true }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    search: tsvector("search").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_alliance_idx").on(t.allianceId), index("events_search_idx").using("gin", t.search)],
);

export const eventCohosts = pgTable(
  "event_cohosts",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.allianceId] }),
    index("event_cohosts_alliance_idx").on(t.allianceId),
  ],
);

export const occurrenceStatusEnum = pgEnum("event_occurrence_status", ["scheduled", "cancelled"]);

/**
 * One date of an event. An occurrence edited on its own keeps its own times or venue room
 * (`detached`), so editing the series later does not overwrite it. `confirmedCount` is moved with the
 * registrations under a row lock: seats are never oversold.
 */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The series date this occurrence stands for (RECURRENCE-ID), even when moved. */
    originalStartsAt: timestamp("original_starts_at", { withTimezone: true }).notNull(),
    venueRoom: text("venue_room"),
    status: occurrenceStatusEnum("status").notNull().default("scheduled"),
    detached: boolean("detached").notNull().default(false),
    confirmedCount: integer("confirmed_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_occurrences_series_date_idx").on(t.eventId, t.originalStartsAt),
    index("event_occurrences_starts_idx").on(t.startsAt, t.id),
    index("event_occurrences_venue_idx")
      .on(t.startsAt, t.endsAt)
      .where(sql`${t.status} = 'scheduled'`),
  ],
);

/** The programme: time slots with a title and a speaker, who is a member (userId) or a named guest. */
export const eventAgendaItems = pgTable(
  "event_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Minutes after the occurrence starts, so the agenda fits every date of a series. */
    offsetMinutes: integer("offset_minutes").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    title: text("title").notNull(),
    speakerId: text("speaker_id").references(() => users.id, { onDelete: "set null" }),
    guestName: text("guest_name"),
  },
  (t) => [index("event_agenda_items_event_idx").on(t.eventId, t.position)],
);

/** Problems a seminar discusses, and, after it, the follow-up problems it produced. */
export const eventProblemLinkEnum = pgEnum("event_problem_link", ["discussed", "follow_up"]);

export const eventProblems = pgTable(
  "event_problems",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    link: eventProblemLinkEnum("link").notNull().default("discussed"),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.problemId, t.link] }),
    index("event_problems_problem_idx").on(t.problemId),
  ],
);

export const registrationStatusEnum = pgEnum("event_registration_status", [
  "confirmed",
  "waitlisted",
  "cancelled",
]);

/**
 * A person's place at one occurrence: confirmed, or waitlisted in arrival order (`queuedAt`, then
 * `id`, a sequence, so equal timestamps still queue in commit order). One live registration per person
 * and occurrence; cancelling keeps the row. `code` is the per-registration check-in code.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => eventOccurrences.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: registrationStatusEnum("status").notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    code: text("code").notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_registrations_once_idx").on(t.occurrenceId, t.userId),
    uniqueIndex("event_registrations_code_idx").on(t.occurrenceId, t.code),
    index("event_registrations_waitlist_idx")
      .on(t.occurrenceId, t.queuedAt, t.id)
      .where(sql`${t.status} = 'waitlisted'`),
    index("event_registrations_user_idx").on(t.userId),
  ],
);

/** People who follow an event without (or before) registering: their calendar feed includes it. */
export const eventFollows = pgTable(
  "event_follows",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("event_follows_user_idx").on(t.userId)],
);

/**
 * A user's private calendar feed. Only the token's SHA-256 is stored: a leaked database does not leak
 * working feed URLs. Revoking deletes the row; a new token replaces the old one.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash)],
);
