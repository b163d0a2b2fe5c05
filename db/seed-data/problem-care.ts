import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "~/models/audit.server";
import { recountProblems } from "~/models/problem-counters.server";
import { searchVector } from "~/search/tsquery.server";
import type { Tx } from "~/utils/db.server";
import {
  contentReports,
  problemEvents,
  problemFollows,
  problemReplies,
  problemRevisions,
  problems,
  problemTags,
} from "../schema/index";
import type { UserRow } from "./insert";
import { problemSeedId } from "./problems";
import { searchCorpus } from "./search-corpus";

/**
 * Editing, following, reporting and moderation on the demo board: the harmonic reducer problem was
 * edited once by its poster and is followed by a few members; an advertisement under it was hidden by
 * an organizer on a member's report; a reply on the lidar problem awaits the organizers' review.
 * Everything is keyed on fixed ids or unique keys, so seeding again changes nothing.
 */

type Context = { users: Map<string, UserRow>; now: number };

const at = (name: string) => `${name}@demo.qilian.example`;
const HOUR_MS = 3_600_000;

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`problem care seed names an unknown ${what}: ${key}`);
  return value;
}

const EDITED = "harmonic-reducer-life";
const ADDENDUM =
  "**补充（第二版）**：已完成 2000 小时台架试验，裂纹均起始于齿根过渡圆角处。欢迎提供喷丸、滚压等表面强化方案，我们可提供样件和试验台。";
const FOLLOWERS = ["sun.hao", "maria.santos", "huang.zhiyuan"];
const PROMO = {
  id: problemSeedId(`${EDITED}/reply/promo`),
  author: "liu.yang",
  body: "低价批发各类减速器，量大从优，详询客服微信。",
  reporter: "sun.hao",
  reportReason: "这是广告，与难题无关。",
  moderator: "daniel.hoffmann",
  hiddenReason: "与本难题无关的广告。",
};
const REPORTED = {
  corpus: "lidar-cost",
  reply: problemSeedId("lidar-cost/reply/0"),
  reporter: "zhang.wei",
  reason: "回复更像是产品推销，请组织者看一下是否合适。",
};

export async function seedProblemCare(tx: Tx, context: Context): Promise<void> {
  const user = (name: string) => found(context.users, at(name), "user").id;
  const problemId = problemSeedId(EDITED);
  const [problem] = await tx
    .select({ authorId: problems.authorId, allianceId: problems.allianceId, title: problems.title })
    .from(problems)
    .where(eq(problems.id, problemId));
  if (!problem) return;

  const [{ versions }] = await tx
    .select({ versions: count() })
    .from(problemRevisions)
    .where(eq(problemRevisions.problemId, problemId));
  if (versions === 1) {
    const text = searchCorpus.find((p) => p.id === EDITED);
    if (!text) throw new Error(`problem care seed names an unknown corpus problem: ${EDITED}`);
    const body = `${text.body}\n\n${ADDENDUM}`;
    const editedAt = new Date(context.now + HOUR_MS);
    const tags = (
      await tx.select({ tag: problemTags.tag }).from(problemTags).where(eq(problemTags.problemId, problemId))
    )
      .map((r) => r.tag)
      .sort();
    await tx
      .update(problems)
      .set({ body, search: searchVector({ title: text.title, body, tags }), updatedAt: editedAt })
      .where(eq(problems.id, problemId));
    await tx.insert(problemRevisions).values({
      problemId,
      editorId: problem.authorId,
      title: text.title,
      body,
      tags,
      createdAt: editedAt,
    });
    await tx
      .insert(problemEvents)
      .values({ problemId, actorId: problem.authorId, kind: "edited", createdAt: editedAt });
  }

  await tx
    .insert(problemFollows)
    .values(FOLLOWERS.map((name) => ({ problemId, userId: user(name) })))
    .onConflictDoNothing();

  const hiddenAt = new Date(context.now + 2 * HOUR_MS);
  const inserted = await tx
    .insert(problemReplies)
    .values({
      id: PROMO.id,
      problemId,
      authorId: user(PROMO.author),
      body: PROMO.body,
      createdAt: new Date(context.now + 1.5 * HOUR_MS),
      hiddenAt,
      hiddenById: user(PROMO.moderator),
      hiddenReason: PROMO.hiddenReason,
    })
    .onConflictDoNothing()
    .returning({ id: problemReplies.id });
  if (inserted.length > 0) {
    await tx
      .insert(contentReports)
      .values({
        subjectType: "problem_reply",
        subjectId: PROMO.id,
        allianceId: problem.allianceId,
        reporterId: user(PROMO.reporter),
        reason: PROMO.reportReason,
        status: "hidden",
        resolvedById: user(PROMO.moderator),
        resolvedAt: hiddenAt,
      })
      .onConflictDoNothing();
    await recordAudit(tx, {
      action: "problem.reply.hidden",
      actorId: user(PROMO.moderator),
      subjectUserId: user(PROMO.author),
      allianceId: problem.allianceId,
      reason: PROMO.hiddenReason,
      data: { problemId, problem: problem.title, replyId: PROMO.id },
    });
    await recountProblems(tx, [problemId]);
  }

  const [reply] = await tx
    .select({ id: problemReplies.id, allianceId: problems.allianceId })
    .from(problemReplies)
    .innerJoin(problems, eq(problems.id, problemReplies.problemId))
    .where(
      and(
        eq(problemReplies.id, REPORTED.reply),
        eq(problemReplies.problemId, problemSeedId(REPORTED.corpus)),
      ),
    );
  if (reply) {
    await tx
      .insert(contentReports)
      .values({
        subjectType: "problem_reply",
        subjectId: reply.id,
        allianceId: reply.allianceId,
        reporterId: user(REPORTED.reporter),
        reason: REPORTED.reason,
      })
      .onConflictDoNothing();
  }
}
