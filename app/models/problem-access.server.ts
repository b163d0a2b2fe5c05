import { eq, sql } from "drizzle-orm";
import { memberships, problems } from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import {
  allianceRole,
  canManageProblem,
  canSeeProblem,
  type AllianceRole,
  type MembershipState,
  type Viewer,
} from "~/utils/permissions.server";
import type { ProblemStatus } from "~/validation/problem";
import { isUuid } from "./topic-records.server";

/**
 * Who may see a problem, and what the viewer is to it — one query, asked by every page, action and
 * socket subscription that touches a problem, so the rules below hold everywhere alike:
 * - an alliance-only problem does not exist to outsiders (`canSeeProblem`);
 * - a hidden problem exists only for its poster and whoever may moderate it (`canManageProblem`).
 */

export type ProblemRef = {
  id: string;
  authorId: string;
  title: string;
  allianceId: string | null;
  status: ProblemStatus;
  deadline: Date | null;
  hiddenAt: Date | null;
  /** The viewer's role in the problem's alliance (the platform role when it has none). */
  role: AllianceRole;
  /** Poster or moderator: may edit it, decide applications, change its status. */
  manage: boolean;
};

/**
 * The viewer's membership in the problem's alliance, as one JSON value inside the problem's query (the
 * problem's column `qualified`, or it would mean the membership's own).
 */
export function viewerMembership(viewer: Viewer) {
  const problemAlliance = qualified(problems.allianceId);
  return viewer
    ? sql<MembershipState>`(select json_build_object('role', ${memberships.role}, 'status', ${memberships.status})
        from ${memberships} where ${memberships.allianceId} = ${problemAlliance} and ${memberships.userId} = ${viewer.id})`
    : sql<MembershipState>`null`;
}

/** Applies both rules to a fetched row; null when the viewer must be told the problem does not exist. */
export function judgeAccess<
  R extends {
    authorId: string;
    visibility: "public" | "alliance";
    allianceId: string | null;
    hiddenAt: Date | null;
    membership: MembershipState;
  },
>(viewer: Viewer, row: R): { role: AllianceRole; manage: boolean } | null {
  const role = allianceRole(viewer, row.membership);
  const active = new Set(row.membership?.status === "active" && row.allianceId ? [row.allianceId] : []);
  if (!canSeeProblem(viewer, active, row)) return null;
  const manage = canManageProblem(viewer, role, row);
  if (row.hiddenAt && !manage) return null;
  return { role, manage };
}

export async function problemAccess(db: DbOrTx, viewer: Viewer, id: string): Promise<ProblemRef | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: problems.id,
      authorId: problems.authorId,
      title: problems.title,
      visibility: problems.visibility,
      allianceId: problems.allianceId,
      status: problems.status,
      deadline: problems.deadline,
      hiddenAt: problems.hiddenAt,
      membership: viewerMembership(viewer),
    })
    .from(problems)
    .where(eq(problems.id, id));
  if (!row) return null;
  const access = judgeAccess(viewer, row);
  if (!access) return null;
  return {
    id: row.id,
    authorId: row.authorId,
    title: row.title,
    allianceId: row.allianceId,
    status: row.status,
    deadline: row.deadline,
    hiddenAt: row.hiddenAt,
    ...access,
  };
}
