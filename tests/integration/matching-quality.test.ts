import { beforeAll, describe, expect, it } from "vitest";
import { chainSeeds } from "../../db/seed-data/chains";
import { insertChains, type InsertedChain } from "../../db/seed-data/insert";
import { matchesForProblem } from "~/models/resource-matching.server";
import { insertProblem } from "~/models/problems.server";
import { createOrganization, createResource, createUser } from "../factories";
import { matchingProblems, matchingResources } from "../fixtures/matching-set";
import { useTestDatabase } from "../setup/database";

/**
 * The measure: on a hand-labelled set (tests/fixtures/matching-set.ts) of problems and shared
 * resources across the seven chains, a labelled good resource is among the top 3 matches for at least
 * 80 % of the problems. Everything is public, so only the ranking is measured.
 */
const TARGET = 0.8;

describe("matching quality", () => {
  const database = useTestDatabase();
  const resourceIds = new Map<string, string>();
  const problemIds = new Map<string, string>();
  let viewer: { id: string; platformRole: null };

  beforeAll(async () => {
    const { db } = database;
    const chains = await insertChains(db, chainSeeds);
    const node = (ref: string) => {
      const [chain, slug] = ref.split("/");
      const found = (chains.get(chain) as InsertedChain | undefined)?.nodes.get(slug);
      if (!found) throw new Error(`unknown node ${ref}`);
      return found.id;
    };
    const org = await createOrganization(db);
    const { user: poster } = await createUser(db);
    const { user: reader } = await createUser(db);
    viewer = { id: reader.id, platformRole: null };
    for (const resource of matchingResources) {
      const row = await createResource(db, {
        orgId: org.id,
        kind: resource.kind,
        title: resource.title,
        description: resource.description,
        tags: resource.tags,
        nodeIds: resource.nodes.map(node),
      });
      resourceIds.set(resource.key, row.id);
    }
    for (const problem of matchingProblems) {
      const id = await insertProblem(db, {
        authorId: poster.id,
        title: problem.title,
        body: problem.body,
        visibility: "public",
        urgency: "normal",
        nodeIds: problem.nodes.map(node),
        tags: problem.tags,
      });
      problemIds.set(problem.key, id);
    }
  });

  it("labels only resources that exist, on a set of the required size", () => {
    expect(matchingProblems.length).toBeGreaterThanOrEqual(30);
    expect(matchingResources.length).toBeGreaterThanOrEqual(60);
    for (const problem of matchingProblems) {
      expect(problem.good.length, problem.key).toBeGreaterThan(0);
      for (const key of problem.good) expect(resourceIds.has(key), `${problem.key} → ${key}`).toBe(true);
    }
  });

  it("puts a labelled good match in the top 3 for at least 80 % of the problems", async () => {
    const byId = new Map([...resourceIds].map(([key, id]) => [id, key]));
    const misses: string[] = [];
    let hits = 0;
    for (const problem of matchingProblems) {
      const top = await matchesForProblem(database.db, viewer, problemIds.get(problem.key)!, 3);
      const keys = top.map((match) => byId.get(match.id)!);
      if (keys.some((key) => problem.good.includes(key))) hits++;
      else
        misses.push(
          `  ${problem.key}: got ${keys.join(", ") || "nothing"}; wanted ${problem.good.join(" or ")}`,
        );
    }
    const total = matchingProblems.length;
    const rate = hits / total;
    console.log(
      `matching quality: top-3 hit rate ${hits}/${total} = ${(rate * 100).toFixed(1)} %` +
        (misses.length > 0 ? `\nmisses:\n${misses.join("\n")}` : ""),
    );
    expect(rate).toBeGreaterThanOrEqual(TARGET);
  });
});
