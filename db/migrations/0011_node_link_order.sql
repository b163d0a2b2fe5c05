DROP INDEX "problem_nodes_node_idx";--> statement-breakpoint
DROP INDEX "resource_nodes_node_idx";--> statement-breakpoint
ALTER TABLE "problem_nodes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "resource_nodes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "problem_nodes_node_created_idx" ON "problem_nodes" USING btree ("node_id","created_at","problem_id");--> statement-breakpoint
CREATE INDEX "resource_nodes_node_created_idx" ON "resource_nodes" USING btree ("node_id","created_at","resource_id");--> statement-breakpoint
-- A node link carries its owner's creation time, so "the newest on these nodes" is read from the index above.
-- Copied by triggers, so no writer (form, seed, test factory, benchmark) can get it wrong.
UPDATE "problem_nodes" SET "created_at" = "problems"."created_at" FROM "problems" WHERE "problems"."id" = "problem_nodes"."problem_id";--> statement-breakpoint
UPDATE "resource_nodes" SET "created_at" = "resources"."created_at" FROM "resources" WHERE "resources"."id" = "resource_nodes"."resource_id";--> statement-breakpoint
CREATE FUNCTION "problem_node_created_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := (SELECT created_at FROM problems WHERE id = NEW.problem_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "problem_nodes_created_at" BEFORE INSERT ON "problem_nodes" FOR EACH ROW EXECUTE FUNCTION "problem_node_created_at"();--> statement-breakpoint
CREATE FUNCTION "resource_node_created_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := (SELECT created_at FROM resources WHERE id = NEW.resource_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "resource_nodes_created_at" BEFORE INSERT ON "resource_nodes" FOR EACH ROW EXECUTE FUNCTION "resource_node_created_at"();
