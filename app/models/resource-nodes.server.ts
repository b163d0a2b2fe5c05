import { sql } from "drizzle-orm";
import { chainNodes, chains, resourceNodes, resources } from "../../db/schema/index";
import { qualified } from "~/utils/db.server";

export type ResourceNode = { id: string; slug: string; chainSlug: string; nameZh: string; nameEn: string };

/**
 * A resource's chain nodes as a JSON array, in the chains' and nodes' order, for a select list over
 * `resources` (the outer column is `qualified`).
 */
export const nodesOfResource = sql<ResourceNode[]>`coalesce((select json_agg(json_build_object(
    'id', ${chainNodes.id}, 'slug', ${chainNodes.slug}, 'chainSlug', ${chains.slug},
    'nameZh', ${chainNodes.nameZh}, 'nameEn', ${chainNodes.nameEn}) order by ${chains.position}, ${chainNodes.position})
  from ${resourceNodes}
  join ${chainNodes} on ${chainNodes.id} = ${resourceNodes.nodeId}
  join ${chains} on ${chains.id} = ${chainNodes.chainId}
  where ${resourceNodes.resourceId} = ${qualified(resources.id)}), '[]'::json)`;
