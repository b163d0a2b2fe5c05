import { and, asc, count, eq, gt, ilike, inArray, ne, or } from "drizzle-orm";
import { alliances, memberships, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { allianceRefColumns, type AllianceRef } from "./alliance-access.server";
import { likePattern } from "./org-directory.server";
import { isUuid } from "./topic-records.server";

export const ADMIN_ALLIANCES_PAGE = 20;
export const CHAIR_CANDIDATES_MAX = 20;

type Person = { userId: string; displayName: string };

export type AdminAllianceRow = {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  archived: boolean;
  members: number;
  chairs: Person[];
  organizers: Person[];
};

/**
 * Every alliance, archived ones included, by slug, with its chairs, organizers and active member
 * count: three queries per page.
 */
export async function listAlliancesForAdmin(
  db: DbOrTx,
  query: { after: string | null },
): Promise<{ alliances: AdminAllianceRow[]; next: string | null }> {
  const after = query.after && /^[a-z0-9-]{1,100}$/.test(query.after) ? query.after : null;
  const rows = await db
    .select({
      id: alliances.id,
      slug: alliances.slug,
      nameZh: alliances.nameZh,
      nameEn: alliances.nameEn,
      archivedAt: alliances.archivedAt,
    })
    .from(alliances)
    .where(after ? gt(alliances.slug, after) : undefined)
    .orderBy(asc(alliances.slug))
    .limit(ADMIN_ALLIANCES_PAGE + 1);
  const page = rows.slice(0, ADMIN_ALLIANCES_PAGE);
  const ids = page.map((row) => row.id);
  const [leaders, counts] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              allianceId: memberships.allianceId,
              userId: memberships.userId,
              role: memberships.role,
              displayName: users.displayName,
            })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(
              and(
                inArray(memberships.allianceId, ids),
                eq(memberships.status, "active"),
                inArray(memberships.role, ["chair", "organizer"]),
              ),
            )
            .orderBy(asc(memberships.joinedAt), asc(users.displayName)),
          db
            .select({ allianceId: memberships.allianceId, count: count() })
            .from(memberships)
            .where(and(inArray(memberships.allianceId, ids), eq(memberships.status, "active")))
            .groupBy(memberships.allianceId),
        ]);
  const people = (allianceId: string, role: "chair" | "organizer") =>
    leaders
      .filter((row) => row.allianceId === allianceId && row.role === role)
      .map(({ userId, displayName }) => ({ userId, displayName }));
  const members = new Map(counts.map((row) => [row.allianceId, row.count]));
  return {
    alliances: page.map((row) => ({
      id: row.id,
      slug: row.slug,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      archived: row.archivedAt !== null,
      members: members.get(row.id) ?? 0,
      chairs: people(row.id, "chair"),
      organizers: people(row.id, "organizer"),
    })),
    next: rows.length > ADMIN_ALLIANCES_PAGE ? page[page.length - 1].slug : null,
  };
}

export type ChairCandidate = {
  userId: string;
  displayName: string;
  email: string;
  role: "organizer" | "member";
};

/**
 * Active members who are not chairs, matching `q` in the name or the email, organizers first; one
 * more than shown, so the page can say there are more.
 */
export async function listChairCandidates(
  db: DbOrTx,
  allianceId: string,
  q: string,
): Promise<{ candidates: ChairCandidate[]; more: boolean }> {
  const pattern = q ? likePattern(q) : null;
  const rows = await db
    .select({
      userId: memberships.userId,
      displayName: users.displayName,
      email: users.email,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.allianceId, allianceId),
        eq(memberships.status, "active"),
        ne(memberships.role, "chair"),
        pattern ? or(ilike(users.displayName, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(memberships.role), asc(users.displayName), asc(users.id))
    .limit(CHAIR_CANDIDATES_MAX + 1);
  return {
    candidates: rows
      .slice(0, CHAIR_CANDIDATES_MAX)
      .map((row) => ({ ...row, role: row.role === "organizer" ? "organizer" : "member" })),
    more: rows.length > CHAIR_CANDIDATES_MAX,
  };
}

/** The alliance as membership changes take it, by slug or id; null when there is none. */
export async function findAllianceRef(
  db: DbOrTx,
  key: { slug: string } | { id: string },
): Promise<AllianceRef | null> {
  if ("id" in key && !isUuid(key.id)) return null;
  const [row] = await db
    .select(allianceRefColumns)
    .from(alliances)
    .where("id" in key ? eq(alliances.id, key.id) : eq(alliances.slug, key.slug));
  return row ?? null;
}

/** A person's display name, for the confirmation of a change made to them. */
export async function findDisplayName(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** Every alliance's slug and names, for the audit log's filter. */
export async function listAllianceChoices(
  db: DbOrTx,
): Promise<{ slug: string; nameZh: string; nameEn: string }[]> {
  return db
    .select({ slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(alliances)
    .orderBy(asc(alliances.position), asc(alliances.slug));
}
