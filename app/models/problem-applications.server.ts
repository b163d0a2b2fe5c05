import { and, eq, inArray, sql } from "drizzle-orm";
import { orgRepresentatives, problemApplications, problemEvents, problems } from "../../db/schema/index";
import { problemTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { Tx } from "~/utils/db.server";
import { canApply } from "~/utils/permissions.server";
import type { ApplicationDecision, ApplicationInput } from "~/validation/problem-work";
import { transact, type Publish } from "./activity.server";
import { notify } from "./notifications.server";
import type { ProblemRef } from "./problem-access.server";
import { bumpCount } from "./problem-counters.server";
import { follow, notifyFollowers } from "./problem-follows.server";
import { nextStatus } from "./problem-status";

/**
 * Applications to solve a problem (揭榜). Callers have asked the policy table whether the viewer may act
 * and `problemAccess` whether they may see the problem; this module checks the record rules inside the
 * transaction that writes, so a concurrent change cannot slip between check and write.
 *
 * The problem's application count counts live applications: a withdrawn one no longer counts, a declined
 * one still does (someone did offer).
 */

type WorkServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string; platformRole: "admin" | null };

export type ApplicationError =
  | "duplicate"
  | "applyOwn"
  | "applyClosed"
  | "orgNotRepresented"
  | "applicationMissing"
  | "applicationState"
  | "notOpen";

export type Outcome = { ok: true } | { ok: false; error: ApplicationError };

const link = (problemId: string) => `/problems/${problemId}`;

/**
 * The problem's row, locked for the rest of the transaction: FOR UPDATE when its status may change, FOR
 * NO KEY UPDATE when only its counter will (a shared lock would deadlock two writers of the counter).
 */
async function lockProblem(tx: Tx, problemId: string, mode: "update" | "no key update" | "share") {
  const [row] = await tx
    .select({
      status: problems.status,
      deadline: problems.deadline,
      authorId: problems.authorId,
      title: problems.title,
    })
    .from(problems)
    .where(eq(problems.id, problemId))
    .for(mode);
  return row;
}

export async function applyToProblem(
  services: WorkServices,
  problem: ProblemRef,
  user: Person,
  input: ApplicationInput,
  now = new Date(),
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    // An accept or close waits for this application, and this one sees the status it left.
    const current = await lockProblem(tx, problem.id, "no key update");
    if (!current) return { ok: false, error: "applyClosed" };
    if (current.authorId === user.id) return { ok: false, error: "applyOwn" };
    if (!canApply(user, current, now)) return { ok: false, error: "applyClosed" };
    if (input.orgId) {
      const [represents] = await tx
        .select({ orgId: orgRepresentatives.orgId })
        .from(orgRepresentatives)
        .where(and(eq(orgRepresentatives.orgId, input.orgId), eq(orgRepresentatives.userId, user.id)));
      if (!represents) return { ok: false, error: "orgNotRepresented" };
    }
    const values = {
      orgId: input.orgId ?? null,
      approach: input.approach,
      timeline: input.timeline,
      team: input.team,
      status: "submitted" as const,
      decisionNote: null,
      updatedAt: now,
    };
    // One application per person (the unique index decides even under a race); a withdrawn one may be
    // sent again, in place, so the person's history stays one row.
    const written = await tx
      .insert(problemApplications)
      .values({ problemId: problem.id, applicantId: user.id, ...values, createdAt: now })
      .onConflictDoUpdate({
        target: [problemApplications.problemId, problemApplications.applicantId],
        set: values,
        setWhere: sql`${problemApplications.status} = 'withdrawn'`,
      })
      .returning({ id: problemApplications.id });
    if (written.length === 0) return { ok: false, error: "duplicate" };
    await bumpCount(tx, problem.id, "applicationCount", 1);
    await follow(tx, problem.id, user.id);
    publish({
      topic: problemTopic(problem.id),
      type: "problem.applied",
      payload: { applicationId: written[0].id },
      actorId: user.id,
    });
    await notify(tx, publish, {
      userId: current.authorId,
      type: "problem.applied",
      data: { actor: user.displayName, problem: current.title },
      href: link(problem.id),
    });
    return { ok: true };
  });
}

/** The applicant takes their own application back, unless it has been accepted (or already decided). */
export async function withdrawApplication(
  services: WorkServices,
  problem: ProblemRef,
  userId: string,
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    const changed = await tx
      .update(problemApplications)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(
        and(
          eq(problemApplications.problemId, problem.id),
          eq(problemApplications.applicantId, userId),
          inArray(problemApplications.status, ["submitted", "shortlisted"]),
        ),
      )
      .returning({ id: problemApplications.id });
    if (changed.length === 0) return { ok: false, error: "applicationState" };
    await bumpCount(tx, problem.id, "applicationCount", -1);
    publish({
      topic: problemTopic(problem.id),
      type: "problem.application_withdrawn",
      payload: { applicationId: changed[0].id },
      actorId: userId,
    });
    return { ok: true };
  });
}

/** Which states each decision may start from. */
const decidable: Record<ApplicationDecision, ("submitted" | "shortlisted")[]> = {
  shortlist: ["submitted"],
  decline: ["submitted", "shortlisted"],
  accept: ["submitted", "shortlisted"],
};
const decided = { shortlist: "shortlisted", decline: "declined", accept: "accepted" } as const;

/**
 * The poster's (or a moderator's) decision. Accepting moves the problem into progress in the same
 * transaction, with its row locked FOR UPDATE: of two accepts at once, the second finds it no longer
 * open and is refused.
 */
export async function decideApplication(
  services: WorkServices,
  problem: ProblemRef,
  actor: Person,
  decision: { intent: ApplicationDecision; applicationId: string; note: string },
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    const accepting = decision.intent === "accept";
    const current = await lockProblem(tx, problem.id, accepting ? "update" : "share");
    if (!current) return { ok: false, error: "applicationMissing" };
    const [application] = await tx
      .select({ status: problemApplications.status, applicantId: problemApplications.applicantId })
      .from(problemApplications)
      .where(
        and(
          eq(problemApplications.id, decision.applicationId),
          eq(problemApplications.problemId, problem.id),
        ),
      );
    if (!application) return { ok: false, error: "applicationMissing" };
    if (!decidable[decision.intent].includes(application.status as "submitted")) {
      return { ok: false, error: "applicationState" };
    }
    const to = accepting ? nextStatus(current.status, "accept") : null;
    if (accepting && !to) return { ok: false, error: "notOpen" };
    const now = new Date();
    await tx
      .update(problemApplications)
      .set({
        status: decided[decision.intent],
        decisionNote: decision.intent === "decline" && decision.note ? decision.note : null,
        updatedAt: now,
      })
      .where(eq(problemApplications.id, decision.applicationId));
    const topic = problemTopic(problem.id);
    publish({
      topic,
      type: "problem.application_decided",
      payload: { applicationId: decision.applicationId, decision: decided[decision.intent] },
      actorId: actor.id,
    });
    await notify(tx, publish, {
      userId: application.applicantId,
      type: "problem.application_decided",
      data: { problem: current.title, decision: decided[decision.intent] },
      href: link(problem.id),
    });
    if (accepting && to) {
      await tx.update(problems).set({ status: to, updatedAt: now }).where(eq(problems.id, problem.id));
      await tx.insert(problemEvents).values([
        {
          problemId: problem.id,
          actorId: actor.id,
          kind: "application_accepted",
          applicationId: decision.applicationId,
          createdAt: now,
        },
        {
          problemId: problem.id,
          actorId: actor.id,
          kind: "status_changed",
          fromStatus: current.status,
          toStatus: to,
          applicationId: decision.applicationId,
          createdAt: now,
        },
      ]);
      await announceStatus(tx, publish, {
        problemId: problem.id,
        title: current.title,
        authorId: current.authorId,
        actor,
        to,
        // The applicant has just been told they were accepted.
        told: [application.applicantId],
      });
    }
    return { ok: true };
  });
}

/**
 * A status change's live event and notifications: followers hear of it, and so does the poster when
 * someone else (an organizer) made it. `told` lists people who were informed otherwise.
 */
export async function announceStatus(
  tx: Tx,
  publish: Publish,
  change: {
    problemId: string;
    title: string;
    authorId: string;
    actor: { id: string; displayName: string };
    to: string;
    told: string[];
  },
): Promise<void> {
  publish({
    topic: problemTopic(change.problemId),
    type: "problem.status_changed",
    payload: { status: change.to },
    actorId: change.actor.id,
  });
  const data = { actor: change.actor.displayName, problem: change.title, status: change.to };
  const except = [...new Set([change.actor.id, change.authorId, ...change.told])];
  if (change.actor.id !== change.authorId && !change.told.includes(change.authorId)) {
    await notify(tx, publish, {
      userId: change.authorId,
      type: "problem.status_changed",
      data,
      href: link(change.problemId),
    });
  }
  await notifyFollowers(tx, publish, {
    problemId: change.problemId,
    except,
    type: "problem.status_changed",
    data,
  });
}
