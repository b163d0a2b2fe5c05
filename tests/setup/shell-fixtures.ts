import crypto from "node:crypto";
import {
  activity,
  allianceChains,
  alliances,
  chainEdges,
  chainNodes,
  chains,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

const unique = () => crypto.randomBytes(4).toString("hex");

type NodeInput = { nameZh: string; nameEn: string; upstream?: string[] };

/**
 * A chain whose nodes are given upstream-last on purpose (positions follow the given order), so a page
 * that shows them upstream → downstream must have followed the edges. `upstream` names nodes by nameEn.
 */
export async function insertChain(
  db: DbOrTx,
  chain: { nameZh: string; nameEn: string; position?: number; nodes: NodeInput[] },
) {
  const [row] = await db
    .insert(chains)
    .values({
      slug: `chain-${unique()}`,
      nameZh: chain.nameZh,
      nameEn: chain.nameEn,
      position: chain.position ?? 0,
    })
    .returning({ id: chains.id });
  const nodes = await db
    .insert(chainNodes)
    .values(
      chain.nodes.map((node, position) => ({
        chainId: row.id,
        slug: `node-${unique()}`,
        nameZh: node.nameZh,
        nameEn: node.nameEn,
        position,
      })),
    )
    .returning({ id: chainNodes.id, nameEn: chainNodes.nameEn });
  const idOf = new Map(nodes.map((node) => [node.nameEn, node.id]));
  const edges = chain.nodes.flatMap((node) =>
    (node.upstream ?? []).map((from) => ({ fromNodeId: idOf.get(from)!, toNodeId: idOf.get(node.nameEn)! })),
  );
  if (edges.length > 0) await db.insert(chainEdges).values(edges);
  return row.id;
}

export async function insertAlliance(
  db: DbOrTx,
  alliance: {
    nameZh: string;
    nameEn: string;
    descriptionZh?: string;
    descriptionEn?: string;
    chainIds?: string[];
    archived?: boolean;
  },
) {
  const [row] = await db
    .insert(alliances)
    .values({
      slug: `alliance-${unique()}`,
      nameZh: alliance.nameZh,
      nameEn: alliance.nameEn,
      descriptionZh: alliance.descriptionZh ?? "",
      descriptionEn: alliance.descriptionEn ?? "",
      archivedAt: alliance.archived ? new Date() : null,
    })
    .returning({ id: alliances.id });
  const chainIds = alliance.chainIds ?? [];
  if (chainIds.length > 0)
    await db.insert(allianceChains).values(chainIds.map((chainId) => ({ allianceId: row.id, chainId })));
  return row.id;
}

export async function insertUser(db: DbOrTx, displayName: string) {
  const id = `user-${unique()}`;
  await db
    .insert(users)
    .values({ id, email: `${id}@shell.test`, displayName, passwordHash: "not-a-real-hash" });
  return id;
}

export async function insertJoined(
  db: DbOrTx,
  payload: { displayName: string; organization?: { slug: string; nameZh: string; nameEn: string } },
  actorId?: string,
) {
  await db
    .insert(activity)
    .values({ topic: "platform", type: "user.joined", payload, actorId: actorId ?? null });
}
