CREATE TYPE "public"."event_problem_link" AS ENUM('discussed', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('seminar', 'academic_exchange', 'workshop', 'alliance_meeting', 'site_visit');--> statement-breakpoint
CREATE TYPE "public"."event_visibility" AS ENUM('public', 'alliance');--> statement-breakpoint
CREATE TYPE "public"."event_occurrence_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."event_registration_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "event_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"offset_minutes" integer NOT NULL,
	"duration_minutes" integer NOT NULL,
	"title" text NOT NULL,
	"speaker_id" text,
	"guest_name" text
);
--> statement-breakpoint
CREATE TABLE "event_cohosts" (
	"event_id" uuid NOT NULL,
	"alliance_id" uuid NOT NULL,
	CONSTRAINT "event_cohosts_event_id_alliance_id_pk" PRIMARY KEY("event_id","alliance_id")
);
--> statement-breakpoint
CREATE TABLE "event_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"original_starts_at" timestamp with time zone NOT NULL,
	"venue_room" text,
	"status" "event_occurrence_status" DEFAULT 'scheduled' NOT NULL,
	"detached" boolean DEFAULT false NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_problems" (
	"event_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"link" "event_problem_link" DEFAULT 'discussed' NOT NULL,
	CONSTRAINT "event_problems_event_id_problem_id_link_pk" PRIMARY KEY("event_id","problem_id","link")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" "event_registration_status" NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"type" "event_type" DEFAULT 'seminar' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"venue_name" text,
	"venue_room" text,
	"venue_address" text,
	"online_url" text,
	"capacity" integer,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"visibility" "event_visibility" DEFAULT 'public' NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"rrule" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"minutes" text,
	"created_by_id" text,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_agenda_items" ADD CONSTRAINT "event_agenda_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_agenda_items" ADD CONSTRAINT "event_agenda_items_speaker_id_users_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_cohosts" ADD CONSTRAINT "event_cohosts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_cohosts" ADD CONSTRAINT "event_cohosts_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_occurrences" ADD CONSTRAINT "event_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_problems" ADD CONSTRAINT "event_problems_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_problems" ADD CONSTRAINT "event_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_occurrence_id_event_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."event_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_agenda_items_event_idx" ON "event_agenda_items" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "event_cohosts_alliance_idx" ON "event_cohosts" USING btree ("alliance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_occurrences_series_date_idx" ON "event_occurrences" USING btree ("event_id","original_starts_at");--> statement-breakpoint
CREATE INDEX "event_occurrences_starts_idx" ON "event_occurrences" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "event_occurrences_venue_idx" ON "event_occurrences" USING btree ("starts_at","ends_at") WHERE "event_occurrences"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "event_problems_problem_idx" ON "event_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_once_idx" ON "event_registrations" USING btree ("occurrence_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_code_idx" ON "event_registrations" USING btree ("occurrence_id","code");--> statement-breakpoint
CREATE INDEX "event_registrations_waitlist_idx" ON "event_registrations" USING btree ("occurrence_id","queued_at","id") WHERE "event_registrations"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_alliance_idx" ON "events" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search");