import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { orgRepresentatives, problems, resourceMatches, resources, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { Publish } from "./activity.server";
import { notifyAll, type NotificationInput } from "./notifications.server";
import { listable } from "./problem-board.server";
import { listableResource } from "./resource-list.server";
import { HIGH_MATCH, matchProblems, matchResources, type MatchReasons } from "./resource-matching.server";
import { problemProbe, resourceProbe } from "./resource-match-probes.server";
import { isUuid } from "./topic-records.server";

/**
 * When a problem or a resource is saved, a job looks for its high matches and tells the problem's
 * poster and the resource's provider — once per pair, however often either is edited afterwards
 * (`resource_matches.notified_at`). Each side is told only about what they may see: the poster's view
 * picks the resources, and the provider hears only of problems they may list, and vice versa.
 */

/** High matches looked at per save: more would be a flood, not a hint. */
const ANNOUNCED_MAX = 5;

type Person = { id: string; platformRole: "admin" | null };

const viewerOf = (person: Person | undefined): Viewer => person ?? null;

async function people(db: DbOrTx, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, platformRole: users.platformRole })
    .from(users)
    .where(inArray(users.id, ids));
}

/** Who hears about a resource: its contact person, or, without one, its organization's representatives. */
async function providers(db: DbOrTx, resource: { orgId: string; contactUserId: string | null }) {
  if (resource.contactUserId) return people(db, [resource.contactUserId]);
  const reps = await db
    .select({ id: orgRepresentatives.userId })
    .from(orgRepresentatives)
    .where(eq(orgRepresentatives.orgId, resource.orgId));
  return people(
    db,
    reps.map((rep) => rep.id),
  );
}

async function mayListProblem(db: DbOrTx, person: Person, problemId: string): Promise<boolean> {
  const rows = await db
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.id, problemId), listable(person)));
  return rows.length > 0;
}

async function mayListResource(db: DbOrTx, person: Person, resourceId: string): Promise<boolean> {
  const rows = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.id, resourceId), listableResource(person)));
  return rows.length > 0;
}

type Pair = {
  problem: { id: string; title: string; authorId: string };
  resource: { id: string; title: string; orgId: string; contactUserId: string | null };
  score: number;
  reasons: MatchReasons;
};

/**
 * Remembers the match and, the first time it is high, tells both sides. The conditional update takes
 * the row lock, so two jobs reaching the same pair at once (the problem's and the resource's) tell once.
 */
async function announce(tx: DbOrTx, publish: Publish, pair: Pair): Promise<boolean> {
  const key = and(
    eq(resourceMatches.problemId, pair.problem.id),
    eq(resourceMatches.resourceId, pair.resource.id),
  );
  await tx
    .insert(resourceMatches)
    .values({
      problemId: pair.problem.id,
      resourceId: pair.resource.id,
      score: pair.score,
      reasons: pair.reasons,
    })
    .onConflictDoUpdate({
      target: [resourceMatches.problemId, resourceMatches.resourceId],
      set: { score: pair.score, reasons: pair.reasons },
    });
  const claimed = await tx
    .update(resourceMatches)
    .set({ notifiedAt: sql`now()` })
    .where(and(key, isNull(resourceMatches.notifiedAt)))
    .returning({ problemId: resourceMatches.problemId });
  if (claimed.length === 0) return false;

  const [poster] = await people(tx, [pair.problem.authorId]);
  const data = {
    problem: pair.problem.title,
    resource: pair.resource.title,
    problemId: pair.problem.id,
    resourceId: pair.resource.id,
    shared: pair.reasons.shared,
  };
  const inputs: NotificationInput[] = [];
  const told = new Set<string>();
  if (poster && (await mayListResource(tx, poster, pair.resource.id))) {
    inputs.push({ userId: poster.id, type: "resource.match", data, href: `/resources/${pair.resource.id}` });
    told.add(poster.id);
  }
  for (const provider of await providers(tx, pair.resource)) {
    if (told.has(provider.id) || !(await mayListProblem(tx, provider, pair.problem.id))) continue;
    inputs.push({ userId: provider.id, type: "resource.match", data, href: `/problems/${pair.problem.id}` });
    told.add(provider.id);
  }
  await notifyAll(tx, publish, inputs);
  return true;
}

/** The job after a problem is saved: its high matches among the resources its poster may see. */
export async function announceProblemMatches(
  tx: DbOrTx,
  publish: Publish,
  problemId: string,
): Promise<number> {
  if (!isUuid(problemId)) return 0;
  const [problem] = await tx
    .select({ id: problems.id, title: problems.title, authorId: problems.authorId })
    .from(problems)
    .where(
      and(
        eq(problems.id, problemId),
        isNull(problems.hiddenAt),
        inArray(problems.status, ["open", "in_progress"]),
      ),
    );
  const probe = problem && (await problemProbe(tx, problem.id));
  if (!problem || !probe) return 0;
  const [poster] = await people(tx, [problem.authorId]);
  const high = (await matchResources(tx, viewerOf(poster), probe, ANNOUNCED_MAX)).filter(
    (match) => match.score >= HIGH_MATCH,
  );
  if (high.length === 0) return 0;
  const owners = await tx
    .select({ id: resources.id, orgId: resources.orgId, contactUserId: resources.contactUserId })
    .from(resources)
    .where(
      inArray(
        resources.id,
        high.map((match) => match.id),
      ),
    );
  let told = 0;
  for (const match of high) {
    const owner = owners.find((row) => row.id === match.id);
    if (!owner) continue;
    const pair: Pair = {
      problem,
      resource: { id: match.id, title: match.title, orgId: owner.orgId, contactUserId: owner.contactUserId },
      score: match.score,
      reasons: match.reasons,
    };
    if (await announce(tx, publish, pair)) told++;
  }
  return told;
}

/** The job after a resource is saved: its high matches among the open problems its provider may see. */
export async function announceResourceMatches(
  tx: DbOrTx,
  publish: Publish,
  resourceId: string,
): Promise<number> {
  if (!isUuid(resourceId)) return 0;
  const [resource] = await tx
    .select({
      id: resources.id,
      title: resources.title,
      orgId: resources.orgId,
      contactUserId: resources.contactUserId,
      createdById: resources.createdById,
    })
    .from(resources)
    .where(and(eq(resources.id, resourceId), isNull(resources.hiddenAt), isNull(resources.withdrawnAt)));
  const probe = resource && (await resourceProbe(tx, resource.id));
  if (!resource || !probe) return 0;
  const [provider] = await people(
    tx,
    [resource.contactUserId ?? resource.createdById].filter((id) => id !== null),
  );
  const high = (await matchProblems(tx, viewerOf(provider), probe, ANNOUNCED_MAX)).filter(
    (match) => match.score >= HIGH_MATCH,
  );
  if (high.length === 0) return 0;
  const authors = await tx
    .select({ id: problems.id, authorId: problems.authorId })
    .from(problems)
    .where(
      inArray(
        problems.id,
        high.map((match) => match.id),
      ),
    );
  let told = 0;
  for (const match of high) {
    const author = authors.find((row) => row.id === match.id);
    if (!author) continue;
    // Stored as the problem's page reads it: the resource's node supplies the problem's.
    const { downstream, ...reasons } = match.reasons;
    const pair: Pair = {
      problem: { id: match.id, title: match.title, authorId: author.authorId },
      resource,
      score: match.score,
      reasons: downstream ? { ...reasons, upstream: downstream } : reasons,
    };
    if (await announce(tx, publish, pair)) told++;
  }
  return told;
}
