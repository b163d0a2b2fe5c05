import { sql } from "drizzle-orm";
import { chainEdges, chainNodes } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type NodeName = { zh: string; en: string };

/** drizzle spreads a JS array into a parameter list; PostgreSQL wants one array. */
export const uuids = (values: readonly string[]) =>
  values.length === 0
    ? sql`'{}'::uuid[]`
    : sql`array[${sql.join(
        values.map((value) => sql`${value}`),
        sql`, `,
      )}]::uuid[]`;

export type Nearby = { same: Map<string, NodeName>; near: Map<string, NodeName> };

/**
 * The probe's nodes and their direct neighbours one way along the chain: the nodes supplying them
 * (`upstream`, for a problem) or those they supply (`downstream`, for a resource).
 */
export async function nearbyNodes(
  db: DbOrTx,
  nodeIds: readonly string[],
  direction: "upstream" | "downstream",
): Promise<Nearby> {
  const same = new Map<string, NodeName>();
  const near = new Map<string, NodeName>();
  if (nodeIds.length === 0) return { same, near };
  const ids = uuids(nodeIds);
  const neighbours =
    direction === "upstream"
      ? sql`select ${chainEdges.fromNodeId} from ${chainEdges} where ${chainEdges.toNodeId} = any(${ids})`
      : sql`select ${chainEdges.toNodeId} from ${chainEdges} where ${chainEdges.fromNodeId} = any(${ids})`;
  const rows = await db
    .select({ id: chainNodes.id, zh: chainNodes.nameZh, en: chainNodes.nameEn })
    .from(chainNodes)
    .where(sql`${chainNodes.id} = any(${ids}) or ${chainNodes.id} in (${neighbours})`)
    .orderBy(chainNodes.position);
  for (const row of rows) {
    (nodeIds.includes(row.id) ? same : near).set(row.id, { zh: row.zh, en: row.en });
  }
  return { same, near };
}
