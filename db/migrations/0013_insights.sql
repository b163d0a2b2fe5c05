CREATE TABLE "insight_daily" (
	"day" date NOT NULL,
	"alliance_id" uuid,
	"chain_id" uuid,
	"problems_posted" integer DEFAULT 0 NOT NULL,
	"problems_solved" integer DEFAULT 0 NOT NULL,
	"applications" integer DEFAULT 0 NOT NULL,
	"acceptances" integer DEFAULT 0 NOT NULL,
	"events_held" integer DEFAULT 0 NOT NULL,
	"registrations" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"resources_shared" integer DEFAULT 0 NOT NULL,
	"inquiries" integer DEFAULT 0 NOT NULL,
	"matches_taken_up" integer DEFAULT 0 NOT NULL,
	"cross_alliance" integer DEFAULT 0 NOT NULL,
	"cross_chain" integer DEFAULT 0 NOT NULL,
	"members_joined" integer DEFAULT 0 NOT NULL,
	"response_hours" real[] DEFAULT '{}'::real[] NOT NULL,
	"solution_days" real[] DEFAULT '{}'::real[] NOT NULL,
	CONSTRAINT "insight_daily_grain_day_uq" UNIQUE NULLS NOT DISTINCT("alliance_id","chain_id","day")
);
--> statement-breakpoint
CREATE TABLE "insight_medians" (
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"alliance_id" uuid,
	"chain_id" uuid,
	"response_hours" real,
	"solution_days" real,
	CONSTRAINT "insight_medians_grain_period_uq" UNIQUE NULLS NOT DISTINCT("alliance_id","period_from","period_to","chain_id")
);
--> statement-breakpoint
CREATE TABLE "insight_members" (
	"alliance_id" uuid,
	"chain_id" uuid,
	"members" integer NOT NULL,
	"organizations" integer NOT NULL,
	CONSTRAINT "insight_members_grain_uq" UNIQUE NULLS NOT DISTINCT("alliance_id","chain_id")
);
--> statement-breakpoint
CREATE TABLE "insight_node_daily" (
	"day" date NOT NULL,
	"alliance_id" uuid,
	"chain_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"problems_posted" integer DEFAULT 0 NOT NULL,
	"problems_solved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_node_daily_grain_day_uq" UNIQUE NULLS NOT DISTINCT("alliance_id","day","node_id")
);
--> statement-breakpoint
CREATE TABLE "insight_nodes" (
	"node_id" uuid PRIMARY KEY NOT NULL,
	"suppliers" integer NOT NULL,
	"needs" integer NOT NULL,
	"open_problems" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_problems" (
	"problem_id" uuid NOT NULL,
	"chain_id" uuid,
	"alliance_id" uuid,
	"posted_day" date NOT NULL,
	"response_hours" real,
	"solved_at" timestamp with time zone,
	"solved_day" date,
	"solution_days" real,
	"poster_org_id" uuid,
	"solver_org_id" uuid,
	"crosses_alliance" boolean NOT NULL,
	"crosses_chain" boolean NOT NULL,
	CONSTRAINT "insight_problems_problem_chain_uq" UNIQUE NULLS NOT DISTINCT("problem_id","chain_id")
);
--> statement-breakpoint
CREATE TABLE "insight_refreshes" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "insight_refreshes_one_row" CHECK ("insight_refreshes"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "insight_problems_collaboration_idx" ON "insight_problems" USING btree ("chain_id","solved_at","problem_id") WHERE "insight_problems"."crosses_alliance" or "insight_problems"."crosses_chain";