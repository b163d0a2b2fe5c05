import type { SQL } from "drizzle-orm";
import { recountProblems } from "~/models/problem-counters.server";
import { searchVector } from "~/search/tsquery.server";
import type { Tx } from "~/utils/db.server";
import {
  problemApplications,
  problemEndorsements,
  problemEvents,
  problemFollows,
  problemNodes,
  problemReplies,
  problemRevisions,
  problems,
  problemTags,
} from "../schema/index";
import { historyProblems, type HistoryProblem } from "./history-problems";
import {
  approaches,
  closedNotes,
  declineNotes,
  languageOf,
  replies,
  solvedNotes,
  teams,
  timelines,
} from "./history-texts";
import { DAY_MS, historyId, HOUR_MS, notAfter, officeTime, random, spreadDaysAgo } from "./history-time";
import type { AllianceRow, InsertedChain, OrganizationRow, UserRow } from "./insert";
import { membershipSeeds } from "./memberships";
import { positionSeeds } from "./positions";
import { userSeeds } from "./users";

/**
 * A year of the problem board before the demo's current problems, written as the app would have written
 * it: each problem with its nodes, tags and first revision, replies and offers (揭榜) at plausible times,
 * and its timeline (posted, application accepted, in progress, solved or closed with the poster's note),
 * from which the dashboard measures times to first response and to solution. Solvers are drawn from the
 * organizations that supply the problem's node or chain, now and then from anywhere: so some problems are
 * solved across alliances or chains. Problems still unsolved are for members only and so never add to a
 * chain map's weak links. Fixed ids: seeding again changes nothing; a timeline is written only with the
 * problem it belongs to.
 */

type Context = {
  chains: Map<string, InsertedChain>;
  alliances: Map<string, AllianceRow>;
  orgs: Map<string, OrganizationRow>;
  users: Map<string, UserRow>;
  now: number;
};

export type HistoryOutcome = "solved" | "closed" | "in_progress";

/** What the other history writers need to know about a problem. */
export type PostedProblem = {
  key: string;
  id: string;
  authorId: string;
  chain: string;
  postedAt: Date;
  status: HistoryOutcome;
};

const at = (name: string) => `${name}@demo.qilian.example`;
const NEWEST_DAYS = 29;
const OLDEST_DAYS = 362;
/** Unsolved problems younger than this are still in progress; older ones were decided. */
const IN_PROGRESS_DAYS = 110;

export const historyProblemId = (key: string) => historyId(`problem:${key}`);

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`history seed names an unknown ${what}: ${key}`);
  return value;
}

const activeIn = (alliance: string) =>
  new Set(
    membershipSeeds.filter((m) => m.alliance === alliance && m.status === "active").map((m) => m.email),
  );

/** People who could take part: every demo member but the operator. */
const people = userSeeds.filter((u) => u.platformRole !== "admin").map((u) => u.email);

const orgsOf = (email: string) => userSeeds.find((u) => u.email === email)!.organizations.map((o) => o.slug);

/** The organization someone would act for on this problem, and how close it stands to it (0 nearest). */
function bestOrg(email: string, problem: HistoryProblem): { org: string; tier: number } {
  const orgs = orgsOf(email);
  const supplies = (org: string, node?: string) =>
    positionSeeds.some(
      (s) =>
        s.org === org && s.kind === "supplies" && s.chain === problem.chain && (!node || s.node === node),
    );
  const onNode = orgs.find((org) => problem.nodes.some((node) => supplies(org, node)));
  if (onNode) return { org: onNode, tier: 0 };
  const onChain = orgs.find((org) => supplies(org));
  return onChain ? { org: onChain, tier: 1 } : { org: orgs[0], tier: 2 };
}

type Plan = {
  posted: PostedProblem;
  problem: Omit<typeof problems.$inferInsert, "search"> & { search: SQL };
  tags: string[];
  nodeIds: string[];
  replies: (typeof problemReplies.$inferInsert)[];
  applications: (typeof problemApplications.$inferInsert & { id: string; createdAt: Date })[];
  endorsements: (typeof problemEndorsements.$inferInsert)[];
  events: (typeof problemEvents.$inferInsert)[];
};

function plan(seed: HistoryProblem, index: number, context: Context): Plan {
  const rnd = random(`problem:${seed.key}`);
  const id = historyProblemId(seed.key);
  const user = (email: string) => found(context.users, email, "user");
  const author = user(at(seed.by));
  if (seed.alliance && !activeIn(seed.alliance).has(author.email))
    throw new Error(`history problem ${seed.key}: ${seed.by} is not an active member of ${seed.alliance}`);
  const chain = found(context.chains, seed.chain, "chain");
  const language = languageOf(seed.title);
  const latest = context.now - 2 * DAY_MS;
  const daysAgo = spreadDaysAgo(
    index,
    historyProblems.length,
    { oldest: OLDEST_DAYS, newest: NEWEST_DAYS, growth: 1.5 },
    rnd,
  );
  const postedAt = officeTime(context.now, daysAgo, rnd);
  const members = seed.members ? activeIn(seed.alliance!) : null;
  const status: HistoryOutcome =
    members && daysAgo < IN_PROGRESS_DAYS ? "in_progress" : rnd.chance(0.8) ? "solved" : "closed";
  const others = people.filter((email) => email !== author.email && (!members || members.has(email)));
  const later = (from: number, hours: number) => notAfter(from + hours * HOUR_MS, latest);

  // Replies: the first usually within a day, the rest over the following days.
  const replyCount = status === "closed" ? rnd.int(0, 2) : rnd.int(1, 3);
  let replyAt = postedAt.getTime();
  const planned: Plan["replies"] = rnd.sample(others, replyCount).map((email, n) => {
    replyAt = later(replyAt, n === 0 ? 2 * 48 ** rnd.next() : rnd.int(4, 72)).getTime();
    return {
      id: historyId(`${seed.key}/reply/${n}`),
      problemId: id,
      authorId: user(email).id,
      body: rnd.pick(replies[language]),
      createdAt: new Date(replyAt),
    };
  });

  // 揭榜: the solver, picked among the nearest organizations (a quarter of the time from anyone), and
  // sometimes a second offer the poster declined; never from an organization the poster represents too.
  const colleagues = (email: string) => orgsOf(email).some((org) => orgsOf(author.email).includes(org));
  const ranked = others
    .filter((email) => !colleagues(email))
    .map((email) => ({ email, ...bestOrg(email, seed) }));
  const nearest = Math.min(...ranked.map((r) => r.tier));
  const pool = rnd.chance(0.25) ? ranked : ranked.filter((r) => r.tier === nearest);
  const solver = status === "closed" ? null : rnd.pick(pool);
  const rivals = ranked.filter((r) => r.email !== solver?.email);
  const declined =
    rivals.length > 0 && rnd.chance(status === "closed" ? 0.4 : 0.35) ? rnd.pick(rivals) : null;
  const offer = (who: { email: string; org: string }, decision: "accepted" | "declined") => {
    const createdAt = later(postedAt.getTime(), rnd.int(1, 10) * 24 + rnd.int(0, 8));
    return {
      id: historyId(`${seed.key}/application/${who.email}`),
      problemId: id,
      applicantId: user(who.email).id,
      orgId: found(context.orgs, who.org, "organization").id,
      approach: rnd.pick(approaches[language]),
      timeline: rnd.pick(timelines[language]),
      team: rnd.pick(teams[language]),
      status: decision,
      decisionNote: decision === "declined" ? rnd.pick(declineNotes[language]) : null,
      createdAt,
      updatedAt: createdAt,
    };
  };
  const applications = [
    ...(solver ? [offer(solver, "accepted")] : []),
    ...(declined ? [offer(declined, "declined")] : []),
  ];

  const events: Plan["events"] = [
    { problemId: id, actorId: author.id, kind: "posted", toStatus: "open", createdAt: postedAt },
  ];
  let lastAt = postedAt;
  const lastOffer = Math.max(postedAt.getTime(), ...applications.map((a) => a.createdAt.getTime()));
  const accepted = applications.find((a) => a.status === "accepted");
  if (accepted) {
    const acceptedAt = later(lastOffer, rnd.int(1, 7) * 24 + rnd.int(0, 6));
    for (const a of applications) a.updatedAt = acceptedAt;
    events.push(
      {
        problemId: id,
        actorId: author.id,
        kind: "application_accepted",
        applicationId: accepted.id,
        createdAt: acceptedAt,
      },
      {
        problemId: id,
        actorId: author.id,
        kind: "status_changed",
        fromStatus: "open",
        toStatus: "in_progress",
        applicationId: accepted.id,
        createdAt: acceptedAt,
      },
    );
    lastAt = acceptedAt;
    if (status === "solved") {
      const solvedAt = later(acceptedAt.getTime(), rnd.int(15, 75) * 24 + rnd.int(0, 8));
      events.push({
        problemId: id,
        actorId: author.id,
        kind: "status_changed",
        fromStatus: "in_progress",
        toStatus: "solved",
        note: rnd.pick(solvedNotes[language]),
        createdAt: new Date(Math.max(solvedAt.getTime(), acceptedAt.getTime() + HOUR_MS)),
      });
      lastAt = events.at(-1)!.createdAt!;
    }
  } else {
    for (const a of applications) a.updatedAt = later(a.createdAt.getTime(), rnd.int(2, 6) * 24);
    const closedAt = later(
      Math.max(lastOffer + 24 * HOUR_MS, postedAt.getTime() + rnd.int(20, 80) * DAY_MS),
      0,
    );
    events.push({
      problemId: id,
      actorId: author.id,
      kind: "status_changed",
      fromStatus: "open",
      toStatus: "closed",
      note: rnd.pick(closedNotes[language]),
      createdAt: closedAt,
    });
    lastAt = closedAt;
  }

  const endorsements = rnd.sample(others, rnd.int(0, 4)).map((email) => ({
    problemId: id,
    userId: user(email).id,
    createdAt: later(postedAt.getTime(), rnd.int(1, 200)),
  }));

  return {
    posted: { key: seed.key, id, authorId: author.id, chain: seed.chain, postedAt, status },
    problem: {
      id,
      authorId: author.id,
      allianceId: seed.alliance ? found(context.alliances, seed.alliance, "alliance").id : null,
      title: seed.title,
      body: seed.body,
      visibility: members ? "alliance" : "public",
      status,
      urgency: rnd.pick(["low", "normal", "normal", "normal", "high"] as const),
      search: searchVector({ title: seed.title, body: seed.body, tags: seed.tags }),
      chainIds: [chain.chain.id],
      createdAt: postedAt,
      updatedAt: lastAt,
    },
    tags: seed.tags,
    nodeIds: seed.nodes.map((node) => found(chain.nodes, node, "chain node").id),
    replies: planned,
    applications,
    endorsements,
    events,
  };
}

export function planHistoryBoard(context: Context): Plan[] {
  return historyProblems.map((seed, index) => plan(seed, index, context));
}

export async function seedHistoryBoard(
  tx: Tx,
  context: Context,
): Promise<{ posted: PostedProblem[]; fresh: number }> {
  const plans = planHistoryBoard(context);
  const fresh = new Set(
    (
      await tx
        .insert(problems)
        .values(plans.map((p) => p.problem))
        .onConflictDoNothing()
        .returning({ id: problems.id })
    ).map((r) => r.id),
  );
  await tx
    .insert(problemNodes)
    .values(plans.flatMap((p) => p.nodeIds.map((nodeId) => ({ problemId: p.posted.id, nodeId }))))
    .onConflictDoNothing();
  await tx
    .insert(problemTags)
    .values(plans.flatMap((p) => p.tags.map((tag) => ({ problemId: p.posted.id, tag }))))
    .onConflictDoNothing();
  await tx
    .insert(problemReplies)
    .values(plans.flatMap((p) => p.replies))
    .onConflictDoNothing();
  await tx
    .insert(problemApplications)
    .values(plans.flatMap((p) => p.applications))
    .onConflictDoNothing();
  await tx
    .insert(problemFollows)
    .values(
      plans.flatMap((p) =>
        p.applications.map((a) => ({
          problemId: a.problemId,
          userId: a.applicantId,
          createdAt: a.createdAt,
        })),
      ),
    )
    .onConflictDoNothing();
  const endorsements = plans.flatMap((p) => p.endorsements);
  if (endorsements.length > 0)
    await tx.insert(problemEndorsements).values(endorsements).onConflictDoNothing();
  const written = plans.filter((p) => fresh.has(p.posted.id));
  if (written.length > 0) {
    await tx.insert(problemRevisions).values(
      written.map((p) => ({
        problemId: p.posted.id,
        editorId: p.posted.authorId,
        title: p.problem.title,
        body: p.problem.body,
        tags: [...p.tags].sort(),
        createdAt: p.posted.postedAt,
      })),
    );
    await tx.insert(problemEvents).values(written.flatMap((p) => p.events));
  }
  await recountProblems(
    tx,
    plans.map((p) => p.posted.id),
  );
  return { posted: plans.map((p) => p.posted), fresh: fresh.size };
}
