import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alliances, memberships, organizations, orgRepresentatives, users } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";

/**
 * What the sharing form offers: organizations with their possible contacts, and alliances. Saving checks
 * the submitted choices against the same lists.
 */

type Named = { nameZh: string; nameEn: string };
export type ContactChoice = { id: string; name: string };
export type OrgChoice = Named & { id: string; contacts: ContactChoice[] };
export type AllianceChoice = Named & { id: string; slug: string };

const contactsOf = sql<ContactChoice[]>`coalesce((select json_agg(json_build_object('id', ${users.id},
    'name', ${users.displayName}) order by ${users.displayName}, ${users.id})
  from ${orgRepresentatives} join ${users} on ${users.id} = ${orgRepresentatives.userId}
  where ${orgRepresentatives.orgId} = ${qualified(organizations.id)}), '[]'::json)`;

/**
 * The organizations a resource may be shared for: those the user represents, each with its
 * representatives (the contact person is one of them); `keep` adds the one an edited resource has.
 */
export async function listOrgChoices(db: DbOrTx, userId: string, keep?: string): Promise<OrgChoice[]> {
  const represented = sql`exists (select 1 from ${orgRepresentatives}
    where ${orgRepresentatives.orgId} = ${qualified(organizations.id)} and ${orgRepresentatives.userId} = ${userId})`;
  return db
    .select({
      id: organizations.id,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      contacts: contactsOf,
    })
    .from(organizations)
    .where(keep ? or(represented, eq(organizations.id, keep)) : represented)
    .orderBy(asc(organizations.nameZh), asc(organizations.id));
}

/**
 * The alliances a resource may be shared with: those the user is an active member of (archived ones
 * excluded), and, when editing, those it is shared with already, which it may keep.
 */
export async function listAllianceChoices(
  db: DbOrTx,
  userId: string,
  keep: readonly string[] = [],
): Promise<AllianceChoice[]> {
  const active = and(
    isNull(alliances.archivedAt),
    sql`exists (select 1 from ${memberships} where ${memberships.allianceId} = ${qualified(alliances.id)}
      and ${memberships.userId} = ${userId} and ${memberships.status} = 'active')`,
  );
  return db
    .select({ id: alliances.id, slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(alliances)
    .where(keep.length > 0 ? or(active, inArray(alliances.id, [...keep])) : active)
    .orderBy(asc(alliances.position), asc(alliances.slug));
}
