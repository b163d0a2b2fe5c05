import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { organizations, orgRepresentatives } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { OrgKind } from "~/validation/organization";
import type { VerifiedFilter } from "~/validation/admin";
import { decodeCursor, encodeCursor, micros } from "./admin-cursor.server";
import { likePattern } from "./org-directory.server";
import { isUuid } from "./topic-records.server";

export const ADMIN_ORGS_PAGE = 25;

export type AdminOrgRow = {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: OrgKind;
  city: string | null;
  verified: boolean;
  createdAt: string;
  representatives: number;
};

/**
 * Organizations for verification: unverified first, newest first within each, matching `q` in either
 * name. Two queries: the page and its representatives' counts.
 */
export async function listOrganizationsForAdmin(
  db: DbOrTx,
  query: { q: string; verified: VerifiedFilter; after: string | null },
): Promise<{ organizations: AdminOrgRow[]; next: string | null }> {
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern)));
  }
  if (query.verified !== "all") conditions.push(eq(organizations.verified, query.verified === "yes"));
  const cursor = decodeCursor(query.after, ["boolean", "micros", "uuid"]);
  if (cursor) {
    const [verified, at, id] = cursor;
    // false sorts before true; within a group, newest first.
    conditions.push(
      sql`(${organizations.verified} > ${verified} or (${organizations.verified} = ${verified} and (${micros(organizations.createdAt)}, ${organizations.id}) < (${at}::bigint, ${id}::uuid)))`,
    );
  }
  const rows = await db
    .select({
      id: organizations.id,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      city: organizations.city,
      verified: organizations.verified,
      createdAt: organizations.createdAt,
      cursorAt: sql<string>`${micros(organizations.createdAt)}::text`,
    })
    .from(organizations)
    .where(and(...conditions))
    .orderBy(organizations.verified, desc(micros(organizations.createdAt)), desc(organizations.id))
    .limit(ADMIN_ORGS_PAGE + 1);
  const page = rows.slice(0, ADMIN_ORGS_PAGE);
  const counts =
    page.length === 0
      ? []
      : await db
          .select({ orgId: orgRepresentatives.orgId, count: count() })
          .from(orgRepresentatives)
          .where(
            inArray(
              orgRepresentatives.orgId,
              page.map((row) => row.id),
            ),
          )
          .groupBy(orgRepresentatives.orgId);
  const byOrg = new Map(counts.map((row) => [row.orgId, row.count]));
  const last = rows.length > ADMIN_ORGS_PAGE ? page[page.length - 1] : null;
  return {
    organizations: page.map(({ cursorAt: _cursorAt, createdAt, ...row }) => ({
      ...row,
      createdAt: createdAt.toISOString(),
      representatives: byOrg.get(row.id) ?? 0,
    })),
    next: last ? encodeCursor([last.verified, last.cursorAt, last.id]) : null,
  };
}

/** An organization's names, or null when the id names none (a non-UUID included). */
export async function findOrganizationNames(
  db: DbOrTx,
  orgId: string,
): Promise<{ id: string; nameZh: string; nameEn: string } | null> {
  if (!isUuid(orgId)) return null;
  const [row] = await db
    .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? null;
}
