import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { memberships, orgRepresentatives, resourceAlliances, resources } from "../../db/schema/index";
import { qualified } from "~/utils/db.server";
import { platformRole, type Viewer } from "~/utils/permissions.server";

/**
 * The SQL twin of `canSeeResource` (permissions.server.ts), for lists: public resources, alliance-only ones
 * shared with an alliance the viewer is an active member of, and every one of the organizations the
 * viewer represents; platform admins see everything.
 */
export function resourceVisibleTo(viewer: Viewer): SQL | undefined {
  if (platformRole(viewer) === "admin") return undefined;
  const publicOnes = eq(resources.visibility, "public");
  if (!viewer) return publicOnes;
  return or(
    publicOnes,
    sql`exists (select 1 from ${resourceAlliances} join ${memberships}
      on ${memberships.allianceId} = ${resourceAlliances.allianceId}
      where ${resourceAlliances.resourceId} = ${qualified(resources.id)} and ${memberships.userId} = ${viewer.id}
      and ${memberships.status} = 'active')`,
    sql`exists (select 1 from ${orgRepresentatives} where ${orgRepresentatives.orgId} = ${qualified(resources.orgId)}
      and ${orgRepresentatives.userId} = ${viewer.id})`,
  );
}

/**
 * What every list of resources (catalogue, alliance tab, chain map, search, matches, counts) keeps: what
 * the viewer may see, minus hidden and withdrawn ones — those stay reachable by their address only.
 * Expired listings stay: the page marks them as possibly out of date until the owner confirms or withdraws.
 * Usable in a select's fields too (e.g. a count with a filter): the outer columns are `qualified`.
 */
export function listableResource(viewer: Viewer): SQL | undefined {
  return and(resourceVisibleTo(viewer), isNull(resources.hiddenAt), isNull(resources.withdrawnAt));
}
