CREATE TYPE "public"."problem_status" AS ENUM('open', 'in_progress', 'solved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."problem_urgency" AS ENUM('low', 'normal', 'high');--> statement-breakpoint
CREATE TYPE "public"."problem_visibility" AS ENUM('public', 'alliance');--> statement-breakpoint
CREATE TABLE "problem_nodes" (
	"problem_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "problem_nodes_problem_id_node_id_pk" PRIMARY KEY("problem_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "problem_tags" (
	"problem_id" uuid NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "problem_tags_problem_id_tag_pk" PRIMARY KEY("problem_id","tag")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"author_id" text NOT NULL,
	"alliance_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"visibility" "problem_visibility" DEFAULT 'public' NOT NULL,
	"status" "problem_status" DEFAULT 'open' NOT NULL,
	"urgency" "problem_urgency" DEFAULT 'normal' NOT NULL,
	"reward" text,
	"deadline" timestamp with time zone,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_nodes" ADD CONSTRAINT "problem_nodes_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_nodes" ADD CONSTRAINT "problem_nodes_node_id_chain_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_tags" ADD CONSTRAINT "problem_tags_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_nodes_node_idx" ON "problem_nodes" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "problem_tags_tag_idx" ON "problem_tags" USING btree ("tag");--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search");--> statement-breakpoint
CREATE INDEX "problems_created_idx" ON "problems" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_alliance_created_idx" ON "problems" USING btree ("alliance_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_status_created_idx" ON "problems" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_urgency_created_idx" ON "problems" USING btree ("urgency","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "problems_author_idx" ON "problems" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "problems_alliance_only_idx" ON "problems" USING btree ("alliance_id") WHERE "problems"."visibility" = 'alliance';