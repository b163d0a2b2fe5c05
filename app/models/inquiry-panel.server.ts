import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { inquiries, organizations, orgRepresentatives, problems, resources } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { undecided, type InquiryStatus } from "~/validation/inquiry";
import type { RepresentedOrg } from "./representation.server";
import type { ResourceRef } from "./resource-access.server";

/** The asker's own problems, newest first, for "for my problem". */
async function ownProblems(db: DbOrTx, userId: string) {
  return db
    .select({ id: problems.id, title: problems.title })
    .from(problems)
    .where(and(eq(problems.authorId, userId), isNull(problems.hiddenAt)))
    .orderBy(desc(problems.createdAt))
    .limit(50);
}

async function representedOrgs(db: DbOrTx, userId: string): Promise<RepresentedOrg[]> {
  return db
    .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(orgRepresentatives)
    .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(eq(orgRepresentatives.userId, userId))
    .orderBy(asc(organizations.nameZh));
}

export type InquiryPanel = {
  /** The ask form's choices, when the viewer may ask now. */
  ask: { problems: { id: string; title: string }[]; orgs: RepresentedOrg[] } | null;
  /** The viewer's latest inquiry about this resource. */
  mine: { id: string; status: InquiryStatus } | null;
  /** For the provider: how many it received, how many wait for an answer. */
  received: { total: number; waiting: number } | null;
  /** A visitor is invited to log in. */
  signIn: boolean;
  /** Withdrawn or hidden: no new inquiries. */
  unavailable: boolean;
};

/** What the resource page's inquiry panel shows the viewer. */
export async function inquiryPanel(db: DbOrTx, viewer: Viewer, resource: ResourceRef): Promise<InquiryPanel> {
  const unavailable = resource.withdrawnAt !== null || resource.hiddenAt !== null;
  if (!viewer) return { ask: null, mine: null, received: null, signIn: !unavailable, unavailable };
  if (resource.represents) {
    const [row] = await db
      .select({
        total: resources.inquiryCount,
        waiting: sql<number>`(select count(*)::int from ${inquiries}
          where ${inquiries.resourceId} = ${resource.id} and ${inquiries.status} = 'open')`,
      })
      .from(resources)
      .where(eq(resources.id, resource.id));
    return { ask: null, mine: null, received: row ?? { total: 0, waiting: 0 }, signIn: false, unavailable };
  }
  const [mine] = await db
    .select({ id: inquiries.id, status: inquiries.status })
    .from(inquiries)
    .where(and(eq(inquiries.resourceId, resource.id), eq(inquiries.askerId, viewer.id)))
    .orderBy(desc(inquiries.createdAt))
    .limit(1);
  const open = resource.inquire && !unavailable;
  const pending = mine !== undefined && undecided.includes(mine.status);
  const ask =
    open && !pending
      ? { problems: await ownProblems(db, viewer.id), orgs: await representedOrgs(db, viewer.id) }
      : null;
  return { ask, mine: mine ?? null, received: null, signIn: false, unavailable };
}
