import { organizations } from "../../db/schema/index";

/** An organization a user represents, as lists of people show it next to their name. */
export type RepresentedOrg = { id: string; nameZh: string; nameEn: string };

/** Select these next to a user, left-joined through org_representatives, then fold with `withOrganizations`. */
export const representedOrgColumns = {
  orgId: organizations.id,
  orgNameZh: organizations.nameZh,
  orgNameEn: organizations.nameEn,
};

type RepresentedRow = {
  userId: string;
  orgId: string | null;
  orgNameZh: string | null;
  orgNameEn: string | null;
};

/**
 * One object per user from rows of "user × each organization they represent", keeping the rows'
 * order (of users and of their organizations). The join is a left join, so a user representing no
 * organization comes as one row of nulls and gets an empty list.
 */
export function withOrganizations<Row extends RepresentedRow, T extends object>(
  rows: Row[],
  person: (row: Row) => T,
): (T & { organizations: RepresentedOrg[] })[] {
  const byUser = new Map<string, T & { organizations: RepresentedOrg[] }>();
  for (const row of rows) {
    let entry = byUser.get(row.userId);
    if (!entry) {
      entry = { ...person(row), organizations: [] };
      byUser.set(row.userId, entry);
    }
    if (row.orgId !== null && row.orgNameZh !== null && row.orgNameEn !== null) {
      entry.organizations.push({ id: row.orgId, nameZh: row.orgNameZh, nameEn: row.orgNameEn });
    }
  }
  return [...byUser.values()];
}
