import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  alliances,
  memberships,
  organizations,
  orgRepresentatives,
  sessions,
  users,
} from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { UserStatus } from "~/validation/admin";
import { decodeCursor, encodeCursor, micros } from "./admin-cursor.server";
import { likePattern } from "./org-directory.server";

export const ADMIN_USERS_PAGE = 25;

export type AdminUserRow = {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  joinedAt: string;
  /** Sessions not yet expired: whether, and on how many devices, the person is signed in. */
  sessions: number;
  suspension: { at: string; reason: string; byName: string | null } | null;
  organizations: { id: string; nameZh: string; nameEn: string }[];
  alliances: { slug: string; nameZh: string; nameEn: string; role: "chair" | "organizer" | "member" }[];
};

const suspender = alias(users, "suspender");

/**
 * Accounts for the operators, newest first, matching `q` in the name or the email; one page after the
 * cursor. Four queries whatever the page holds: the page, then its organizations, alliances and sessions.
 */
export async function listUsersForAdmin(
  db: DbOrTx,
  query: { q: string; status: UserStatus; after: string | null },
): Promise<{ users: AdminUserRow[]; next: string | null }> {
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)));
  }
  if (query.status === "suspended") conditions.push(isNotNull(users.suspendedAt));
  if (query.status === "active") conditions.push(isNull(users.suspendedAt));
  const cursor = decodeCursor(query.after, ["micros", "text"]);
  if (cursor)
    conditions.push(sql`(${micros(users.createdAt)}, ${users.id}) < (${cursor[0]}::bigint, ${cursor[1]})`);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      platformRole: users.platformRole,
      createdAt: users.createdAt,
      cursorAt: sql<string>`${micros(users.createdAt)}::text`,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      suspendedBy: suspender.displayName,
    })
    .from(users)
    .leftJoin(suspender, eq(suspender.id, users.suspendedById))
    .where(and(...conditions))
    .orderBy(desc(micros(users.createdAt)), desc(users.id))
    .limit(ADMIN_USERS_PAGE + 1);
  const page = rows.slice(0, ADMIN_USERS_PAGE);
  const ids = page.map((row) => row.id);
  const [orgRows, allianceRows, sessionRows] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .select({
              userId: orgRepresentatives.userId,
              id: organizations.id,
              nameZh: organizations.nameZh,
              nameEn: organizations.nameEn,
            })
            .from(orgRepresentatives)
            .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
            .where(inArray(orgRepresentatives.userId, ids))
            .orderBy(asc(organizations.nameZh)),
          db
            .select({
              userId: memberships.userId,
              slug: alliances.slug,
              nameZh: alliances.nameZh,
              nameEn: alliances.nameEn,
              role: memberships.role,
            })
            .from(memberships)
            .innerJoin(alliances, eq(alliances.id, memberships.allianceId))
            .where(and(inArray(memberships.userId, ids), eq(memberships.status, "active")))
            .orderBy(asc(alliances.position), asc(alliances.slug)),
          db
            .select({ userId: sessions.userId, count: count() })
            .from(sessions)
            .where(and(inArray(sessions.userId, ids), gt(sessions.expiresAt, new Date())))
            .groupBy(sessions.userId),
        ]);
  const sessionCounts = new Map(sessionRows.map((row) => [row.userId, row.count]));
  const last = rows.length > ADMIN_USERS_PAGE ? page[page.length - 1] : null;
  return {
    users: page.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      isAdmin: row.platformRole === "admin",
      joinedAt: row.createdAt.toISOString(),
      sessions: sessionCounts.get(row.id) ?? 0,
      suspension: row.suspendedAt
        ? { at: row.suspendedAt.toISOString(), reason: row.suspendedReason ?? "", byName: row.suspendedBy }
        : null,
      organizations: orgRows
        .filter((org) => org.userId === row.id)
        .map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
      alliances: allianceRows
        .filter((alliance) => alliance.userId === row.id)
        .map(({ slug, nameZh, nameEn, role }) => ({ slug, nameZh, nameEn, role })),
    })),
    next: last ? encodeCursor([last.cursorAt, last.id]) : null,
  };
}
