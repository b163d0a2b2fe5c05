ALTER TABLE "problems" ADD COLUMN "chain_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
UPDATE "problems" p SET "chain_ids" = array(
  SELECT DISTINCT n."chain_id" FROM "problem_nodes" pn JOIN "chain_nodes" n ON n."id" = pn."node_id"
  WHERE pn."problem_id" = p."id" ORDER BY n."chain_id");
