import { eq, sql } from "drizzle-orm";
import { problemNodes, problems, resourceNodes, resources } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { tagsOfProblem } from "./problems.server";
import { isUuid } from "./topic-records.server";

/** What is matched: a saved problem or resource, or a problem still being written. */
export type MatchProbe = { title: string; body: string; tags: readonly string[]; nodeIds: readonly string[] };

/** A saved problem's text and nodes; null when there is none by that id. */
export async function problemProbe(db: DbOrTx, problemId: string): Promise<MatchProbe | null> {
  if (!isUuid(problemId)) return null;
  const [row] = await db
    .select({
      title: problems.title,
      body: problems.body,
      tags: tagsOfProblem,
      nodeIds: sql<string[]>`array(select ${problemNodes.nodeId} from ${problemNodes}
        where ${problemNodes.problemId} = ${qualified(problems.id)})`,
    })
    .from(problems)
    .where(eq(problems.id, problemId));
  return row ?? null;
}

/** A saved resource's text and nodes; null when there is none by that id. */
export async function resourceProbe(db: DbOrTx, resourceId: string): Promise<MatchProbe | null> {
  if (!isUuid(resourceId)) return null;
  const [row] = await db
    .select({
      title: resources.title,
      body: resources.description,
      tags: resources.tags,
      nodeIds: sql<string[]>`array(select ${resourceNodes.nodeId} from ${resourceNodes}
        where ${resourceNodes.resourceId} = ${qualified(resources.id)})`,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  return row ?? null;
}
