CREATE TYPE "public"."problem_application_status" AS ENUM('submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."problem_event_kind" AS ENUM('posted', 'edited', 'status_changed', 'application_accepted', 'hidden', 'restored');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('open', 'hidden', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."report_subject" AS ENUM('problem', 'problem_reply');--> statement-breakpoint
CREATE TABLE "problem_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"applicant_id" text NOT NULL,
	"org_id" uuid,
	"approach" text NOT NULL,
	"timeline" text NOT NULL,
	"team" text NOT NULL,
	"status" "problem_application_status" DEFAULT 'submitted' NOT NULL,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"actor_id" text,
	"kind" "problem_event_kind" NOT NULL,
	"from_status" "problem_status",
	"to_status" "problem_status",
	"application_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_follows" (
	"problem_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_follows_problem_id_user_id_pk" PRIMARY KEY("problem_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "problem_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"editor_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" "report_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"alliance_id" uuid,
	"reporter_id" text NOT NULL,
	"reason" text NOT NULL,
	"status" "report_status" DEFAULT 'open' NOT NULL,
	"resolved_by_id" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "problems_created_idx";--> statement-breakpoint
DROP INDEX "problems_alliance_created_idx";--> statement-breakpoint
DROP INDEX "problems_status_created_idx";--> statement-breakpoint
DROP INDEX "problems_urgency_created_idx";--> statement-breakpoint
ALTER TABLE "problem_replies" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "problem_replies" ADD COLUMN "hidden_by_id" text;--> statement-breakpoint
ALTER TABLE "problem_replies" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "endorsement_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "reply_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "application_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hidden_by_id" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "problem_applications" ADD CONSTRAINT "problem_applications_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_applications" ADD CONSTRAINT "problem_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_applications" ADD CONSTRAINT "problem_applications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_application_id_problem_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."problem_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_follows" ADD CONSTRAINT "problem_follows_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_follows" ADD CONSTRAINT "problem_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_milestones" ADD CONSTRAINT "problem_milestones_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_revisions" ADD CONSTRAINT "problem_revisions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_revisions" ADD CONSTRAINT "problem_revisions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "problem_applications_once_idx" ON "problem_applications" USING btree ("problem_id","applicant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_applications_one_accepted_idx" ON "problem_applications" USING btree ("problem_id") WHERE "problem_applications"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "problem_applications_applicant_idx" ON "problem_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","id");--> statement-breakpoint
CREATE INDEX "problem_follows_user_idx" ON "problem_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "problem_milestones_problem_idx" ON "problem_milestones" USING btree ("problem_id","position");--> statement-breakpoint
CREATE INDEX "problem_revisions_problem_idx" ON "problem_revisions" USING btree ("problem_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_reports_once_idx" ON "content_reports" USING btree ("subject_type","subject_id","reporter_id");--> statement-breakpoint
CREATE INDEX "content_reports_queue_idx" ON "content_reports" USING btree ("alliance_id","status","id");--> statement-breakpoint
ALTER TABLE "problem_replies" ADD CONSTRAINT "problem_replies_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problems_endorsed_idx" ON "problems" USING btree ("endorsement_count","created_at","id");--> statement-breakpoint
CREATE INDEX "problems_deadline_idx" ON "problems" USING btree ("deadline","id") WHERE "problems"."deadline" is not null;--> statement-breakpoint
CREATE INDEX "problems_unanswered_idx" ON "problems" USING btree ("created_at","id") WHERE "problems"."reply_count" = 0 and "problems"."application_count" = 0;--> statement-breakpoint
CREATE INDEX "problems_created_idx" ON "problems" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "problems_alliance_created_idx" ON "problems" USING btree ("alliance_id","created_at","id");--> statement-breakpoint
CREATE INDEX "problems_status_created_idx" ON "problems" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "problems_urgency_created_idx" ON "problems" USING btree ("urgency","created_at","id");
--> statement-breakpoint
UPDATE "problems" p SET
  "endorsement_count" = (SELECT count(*) FROM "problem_endorsements" e WHERE e."problem_id" = p."id"),
  "reply_count" = (SELECT count(*) FROM "problem_replies" r WHERE r."problem_id" = p."id");--> statement-breakpoint
INSERT INTO "problem_revisions" ("problem_id", "editor_id", "title", "body", "tags", "created_at")
  SELECT p."id", p."author_id", p."title", p."body",
    array(SELECT t."tag" FROM "problem_tags" t WHERE t."problem_id" = p."id" ORDER BY t."tag"), p."created_at"
  FROM "problems" p;--> statement-breakpoint
INSERT INTO "problem_events" ("problem_id", "actor_id", "kind", "to_status", "created_at")
  SELECT p."id", p."author_id", 'posted', 'open', p."created_at" FROM "problems" p;
