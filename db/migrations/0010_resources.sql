CREATE TYPE "public"."inquiry_status" AS ENUM('open', 'answered', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('result', 'product', 'service', 'dataset', 'document', 'equipment', 'lab_time');--> statement-breakpoint
CREATE TYPE "public"."resource_mode" AS ENUM('licensing', 'transfer', 'joint_development', 'service_contract', 'rental', 'purchase');--> statement-breakpoint
CREATE TYPE "public"."resource_terms" AS ENUM('free', 'paid', 'negotiable');--> statement-breakpoint
CREATE TYPE "public"."resource_visibility" AS ENUM('public', 'alliance');--> statement-breakpoint
ALTER TYPE "public"."report_subject" ADD VALUE 'resource';--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid,
	"problem_id" uuid,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_stored_name_unique" UNIQUE("stored_name"),
	CONSTRAINT "attachments_one_owner" CHECK (num_nonnulls("attachments"."resource_id", "attachments"."problem_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"asker_id" text NOT NULL,
	"asker_org_id" uuid,
	"problem_id" uuid,
	"message" text NOT NULL,
	"intended_use" text NOT NULL,
	"status" "inquiry_status" DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_messages_body_len" CHECK (char_length("inquiry_messages"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "resource_alliances" (
	"resource_id" uuid NOT NULL,
	"alliance_id" uuid NOT NULL,
	CONSTRAINT "resource_alliances_resource_id_alliance_id_pk" PRIMARY KEY("resource_id","alliance_id")
);
--> statement-breakpoint
CREATE TABLE "resource_matches" (
	"problem_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_matches_problem_id_resource_id_pk" PRIMARY KEY("problem_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "resource_nodes" (
	"resource_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	CONSTRAINT "resource_nodes_resource_id_node_id_pk" PRIMARY KEY("resource_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by_id" text,
	"contact_user_id" text,
	"visibility" "resource_visibility" DEFAULT 'public' NOT NULL,
	"terms" "resource_terms" NOT NULL,
	"modes" "resource_mode"[] DEFAULT '{}'::resource_mode[] NOT NULL,
	"terms_note" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"chain_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"expires_on" date NOT NULL,
	"expiry_notice_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by_id" text,
	"hidden_reason" text,
	"inquiry_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_asker_org_id_organizations_id_fk" FOREIGN KEY ("asker_org_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_messages" ADD CONSTRAINT "inquiry_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_alliances" ADD CONSTRAINT "resource_alliances_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_alliances" ADD CONSTRAINT "resource_alliances_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_matches" ADD CONSTRAINT "resource_matches_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_matches" ADD CONSTRAINT "resource_matches_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_nodes" ADD CONSTRAINT "resource_nodes_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_nodes" ADD CONSTRAINT "resource_nodes_node_id_chain_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_hidden_by_id_users_id_fk" FOREIGN KEY ("hidden_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_resource_idx" ON "attachments" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "attachments_problem_idx" ON "attachments" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_one_undecided_idx" ON "inquiries" USING btree ("resource_id","asker_id") WHERE "inquiries"."status" in ('open', 'answered');--> statement-breakpoint
CREATE INDEX "inquiries_resource_idx" ON "inquiries" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_asker_idx" ON "inquiries" USING btree ("asker_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_messages_inquiry_idx" ON "inquiry_messages" USING btree ("inquiry_id","id");--> statement-breakpoint
CREATE INDEX "resource_alliances_alliance_idx" ON "resource_alliances" USING btree ("alliance_id");--> statement-breakpoint
CREATE INDEX "resource_matches_resource_idx" ON "resource_matches" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "resource_nodes_node_idx" ON "resource_nodes" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resources_created_idx" ON "resources" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "resources_org_idx" ON "resources" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "resources_kind_created_idx" ON "resources" USING btree ("kind","created_at","id");--> statement-breakpoint
CREATE INDEX "resources_chain_ids_idx" ON "resources" USING gin ("chain_ids");--> statement-breakpoint
CREATE INDEX "resources_tags_idx" ON "resources" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "resources_expires_idx" ON "resources" USING btree ("expires_on") WHERE "resources"."withdrawn_at" is null and "resources"."expiry_notice_at" is null;