import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { organizations, orgPositions, orgRepresentatives } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { orgKinds, type DirectoryQuery, type OrgKind } from "~/validation/organization";

export type DirectoryEntry = {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: OrgKind;
  city: string | null;
  verified: boolean;
  representativeCount: number;
  suppliesCount: number;
  needsCount: number;
};

export type DirectoryCounts = {
  /** Every organization on the platform. */
  total: number;
  /** Matches of the name search and the verification filter, per kind (the kind filter aside). */
  byKind: Record<OrgKind, number>;
  /** Matches of the name search and the kind filter, verified or not (the verification filter aside). */
  verified: number;
  unverified: number;
};

/** `%` and `_` typed by a user are letters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The organization directory: the matching organizations with their representative and position
 * counts, and the counts behind the filters — two queries however many organizations there are.
 */
export async function listOrganizationDirectory(
  db: DbOrTx,
  query: DirectoryQuery,
): Promise<{ organizations: DirectoryEntry[]; counts: DirectoryCounts }> {
  const nameMatch: SQL | undefined = query.q
    ? or(ilike(organizations.nameZh, likePattern(query.q)), ilike(organizations.nameEn, likePattern(query.q)))
    : undefined;
  const kindMatch = query.kind ? eq(organizations.kind, query.kind) : undefined;
  const verifiedMatch = query.verified === null ? undefined : eq(organizations.verified, query.verified);

  const positions = (kind: "supplies" | "needs") =>
    sql<number>`(select count(*)::int from ${orgPositions} where ${orgPositions.orgId} = ${qualified(organizations.id)} and ${orgPositions.kind} = ${kind})`;
  const [rows, facets] = await Promise.all([
    db
      .select({
        id: organizations.id,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        kind: organizations.kind,
        city: organizations.city,
        verified: organizations.verified,
        representativeCount: sql<number>`(select count(*)::int from ${orgRepresentatives} where ${orgRepresentatives.orgId} = ${qualified(organizations.id)})`,
        suppliesCount: positions("supplies"),
        needsCount: positions("needs"),
      })
      .from(organizations)
      .where(and(nameMatch, kindMatch, verifiedMatch))
      .orderBy(desc(organizations.verified), asc(organizations.nameZh)),
    db
      .select({
        kind: organizations.kind,
        verified: organizations.verified,
        all: count(),
        matching: nameMatch ? sql<number>`(count(*) filter (where ${nameMatch}))::int` : count(),
      })
      .from(organizations)
      .groupBy(organizations.kind, organizations.verified),
  ]);

  const byKind = Object.fromEntries(orgKinds.map((kind) => [kind, 0])) as Record<OrgKind, number>;
  let verified = 0;
  let unverified = 0;
  for (const facet of facets) {
    if (query.verified === null || facet.verified === query.verified) byKind[facet.kind] += facet.matching;
    if (query.kind === null || facet.kind === query.kind) {
      if (facet.verified) verified += facet.matching;
      else unverified += facet.matching;
    }
  }
  return {
    organizations: rows,
    counts: { total: facets.reduce((sum, facet) => sum + facet.all, 0), byKind, verified, unverified },
  };
}
