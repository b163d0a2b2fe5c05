import crypto from "node:crypto";
import { inArray } from "drizzle-orm";
import { recountProblems } from "~/models/problem-counters.server";
import { insertProblem } from "~/models/problems.server";
import type { Tx } from "~/utils/db.server";
import type { ProblemStatus, ProblemUrgency, ProblemVisibility } from "~/validation/problem";
import { problemEndorsements, problemReplies, problems } from "../schema/index";
import type { AllianceRow, InsertedChain, UserRow } from "./insert";
import { searchCorpus } from "./search-corpus";

/**
 * The demo board: problems of the search corpus, posted by demo users to alliances they are active
 * members of (memberships.ts), in every status, a few for members only, spread over the chains.
 */
export type ProblemSeed = {
  corpus: string;
  author: string;
  /** Null: posted to all alliances. */
  alliance: string | null;
  visibility: ProblemVisibility;
  status: ProblemStatus;
  urgency: ProblemUrgency;
  chain: string;
  nodes: string[];
  reward?: string;
  /** Days from the seed run; open problems only. */
  deadlineInDays?: number;
};

const at = (name: string) => `${name}@demo.qilian.example`;

export const problemSeeds: ProblemSeed[] = [
  {
    corpus: "harmonic-reducer-life",
    author: "zhao.min",
    alliance: "robotics",
    visibility: "public",
    status: "open",
    urgency: "high",
    chain: "industrial-robots",
    nodes: ["reducers"],
    reward: "联合攻关经费 80 万元",
    deadlineInDays: 90,
  },
  {
    corpus: "rv-reducer-backlash",
    author: "daniel.hoffmann",
    alliance: "robotics",
    visibility: "alliance",
    status: "in_progress",
    urgency: "normal",
    chain: "industrial-robots",
    nodes: ["reducers", "robot-body"],
  },
  {
    corpus: "servo-encoder",
    author: "sun.hao",
    alliance: "robotics",
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "industrial-robots",
    nodes: ["servos"],
  },
  {
    corpus: "welding-robot-seam",
    author: "maria.santos",
    alliance: "robotics",
    visibility: "public",
    status: "solved",
    urgency: "normal",
    chain: "industrial-robots",
    nodes: ["sensors", "system-integration"],
  },
  {
    corpus: "vision-defect-detection",
    author: "huang.zhiyuan",
    alliance: "artificial-intelligence",
    visibility: "public",
    status: "open",
    urgency: "high",
    chain: "smart-security",
    nodes: ["algorithms"],
    deadlineInDays: 45,
  },
  {
    corpus: "vision-3d-grasp",
    author: "huang.zhiyuan",
    alliance: "robotics",
    visibility: "alliance",
    status: "open",
    urgency: "normal",
    chain: "industrial-robots",
    nodes: ["sensors", "end-effectors"],
  },
  {
    corpus: "auto-chip-shortage",
    author: "liu.yang",
    alliance: "intelligent-vehicles",
    visibility: "public",
    status: "in_progress",
    urgency: "high",
    chain: "connected-vehicles",
    nodes: ["vehicle-chips"],
  },
  {
    corpus: "ai-inference-chip",
    author: "wang.lei",
    alliance: "artificial-intelligence",
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "smart-security",
    nodes: ["vision-chips"],
    reward: "首批采购 2000 片",
  },
  {
    corpus: "mmwave-radar-pointcloud",
    author: "chen.jing",
    alliance: "intelligent-vehicles",
    visibility: "alliance",
    status: "open",
    urgency: "normal",
    chain: "connected-vehicles",
    nodes: ["radar-lidar"],
  },
  {
    corpus: "lidar-cost",
    author: "emily.zhou",
    alliance: "intelligent-vehicles",
    visibility: "public",
    status: "closed",
    urgency: "low",
    chain: "connected-vehicles",
    nodes: ["radar-lidar"],
  },
  {
    corpus: "v2x-rsu",
    author: "zhang.wei",
    alliance: "intelligent-vehicles",
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "connected-vehicles",
    nodes: ["v2x", "smart-roads"],
    deadlineInDays: 120,
  },
  {
    corpus: "5g-private-network",
    author: "zhou.ting",
    alliance: "advanced-communications",
    visibility: "public",
    status: "open",
    urgency: "high",
    chain: "advanced-communications",
    nodes: ["industry-applications"],
  },
  {
    corpus: "5g-redcap-module",
    author: "wang.lei",
    alliance: "advanced-communications",
    visibility: "alliance",
    status: "in_progress",
    urgency: "normal",
    chain: "advanced-communications",
    nodes: ["modules"],
  },
  {
    corpus: "financial-data-governance",
    author: "fan.xu",
    alliance: "financial-big-data",
    visibility: "alliance",
    status: "open",
    urgency: "normal",
    chain: "big-data",
    nodes: ["cleaning", "security"],
  },
  {
    corpus: "credit-risk-model",
    author: "li.na",
    alliance: "financial-big-data",
    visibility: "public",
    status: "solved",
    urgency: "low",
    chain: "big-data",
    nodes: ["mining", "applications"],
  },
  {
    corpus: "privacy-computing",
    author: "li.na",
    alliance: "information-security",
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "big-data",
    nodes: ["security"],
  },
  {
    corpus: "data-labeling-quality",
    author: "zhou.ting",
    alliance: null,
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "big-data",
    nodes: ["cleaning"],
  },
  {
    corpus: "ai-compute-scheduling",
    author: "chen.jing",
    alliance: "artificial-intelligence",
    visibility: "public",
    status: "open",
    urgency: "normal",
    chain: "big-data",
    nodes: ["cloud"],
  },
  {
    corpus: "en-ros2-realtime",
    author: "daniel.hoffmann",
    alliance: null,
    visibility: "public",
    status: "open",
    urgency: "low",
    chain: "industrial-robots",
    nodes: ["controllers", "industrial-software"],
  },
  {
    corpus: "humanoid-joint",
    author: "zhao.min",
    alliance: "robotics",
    visibility: "public",
    status: "closed",
    urgency: "normal",
    chain: "industrial-robots",
    nodes: ["reducers", "servos"],
  },
  {
    corpus: "en-v2x-security",
    author: "emily.zhou",
    alliance: "intelligent-vehicles",
    visibility: "public",
    status: "solved",
    urgency: "normal",
    chain: "connected-vehicles",
    nodes: ["v2x"],
  },
  {
    corpus: "speech-dialect",
    author: "sun.hao",
    alliance: "iot-electronics",
    visibility: "alliance",
    status: "open",
    urgency: "low",
    chain: "smart-terminals",
    nodes: ["devices"],
  },
];

/** How far apart the demo problems appear to have been posted, newest first. */
const POST_INTERVAL_MS = 29 * 3_600_000;
const DAY_MS = 86_400_000;

/** A stable id per corpus problem (a name-based UUID), so seeding again recognizes what it posted. */
export function problemSeedId(corpus: string): string {
  const hex = crypto.createHash("sha1").update(`qilian-demo-problem:${corpus}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Context = {
  chains: Map<string, InsertedChain>;
  alliances: Map<string, AllianceRow>;
  users: Map<string, UserRow>;
  now: number;
};

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`problem seed names an unknown ${what}: ${key}`);
  return value;
}

/** Posts the demo problems that are not there yet; returns how many it posted. */
export async function seedProblems(tx: Tx, context: Context): Promise<number> {
  const ids = problemSeeds.map((seed) => problemSeedId(seed.corpus));
  const existing = new Set(
    (await tx.select({ id: problems.id }).from(problems).where(inArray(problems.id, ids))).map((r) => r.id),
  );
  let posted = 0;
  for (const [index, seed] of problemSeeds.entries()) {
    const id = ids[index];
    if (existing.has(id)) continue;
    const text = searchCorpus.find((problem) => problem.id === seed.corpus);
    if (!text) throw new Error(`problem seed names an unknown corpus problem: ${seed.corpus}`);
    const chain = found(context.chains, seed.chain, "chain");
    await insertProblem(tx, {
      id,
      authorId: found(context.users, at(seed.author), "user").id,
      allianceId: seed.alliance ? found(context.alliances, seed.alliance, "alliance").id : null,
      title: text.title,
      body: text.body,
      visibility: seed.visibility,
      status: seed.status,
      urgency: seed.urgency,
      reward: seed.reward ?? null,
      deadline: seed.deadlineInDays ? new Date(context.now + seed.deadlineInDays * DAY_MS) : null,
      nodeIds: seed.nodes.map((node) => found(chain.nodes, node, "chain node").id),
      tags: text.tags,
      createdAt: new Date(context.now - index * POST_INTERVAL_MS),
    });
    posted += 1;
  }
  await seedEngagement(tx, context);
  await recountProblems(tx, ids);
  return posted;
}

/** "We have this too" and replies on a few public demo problems, never by the problem's own author. */
const engagementSeeds: {
  corpus: string;
  endorsers: string[];
  replies: { author: string; body: string }[];
}[] = [
  {
    corpus: "harmonic-reducer-life",
    endorsers: ["sun.hao", "daniel.hoffmann", "maria.santos"],
    replies: [
      {
        author: "daniel.hoffmann",
        body: "我们的 RV 减速器也遇到过类似问题，**喷丸强化**后寿命提升约 40%，可以交流试验数据。",
      },
      { author: "zhao.min", body: "谢谢！欢迎把试验条件发给我们，我们可以提供样件。" },
    ],
  },
  {
    corpus: "ai-inference-chip",
    endorsers: ["liu.yang", "zhang.wei"],
    replies: [
      {
        author: "liu.yang",
        body: "Same here: our ADAS supplier is stuck on INT8 accuracy for the same models.",
      },
    ],
  },
  {
    corpus: "lidar-cost",
    endorsers: ["chen.jing", "zhang.wei", "liu.yang"],
    replies: [
      { author: "chen.jing", body: "毫米波雷达与激光雷达融合或许能降低线数要求，我们有一套方案可以评估。" },
    ],
  },
  { corpus: "5g-private-network", endorsers: ["wang.lei"], replies: [] },
];

const REPLY_INTERVAL_MS = 3 * 3_600_000;

async function seedEngagement(tx: Tx, context: Context): Promise<void> {
  const replyIds = engagementSeeds.flatMap((seed) =>
    seed.replies.map((_, n) => problemSeedId(`${seed.corpus}/reply/${n}`)),
  );
  const existing = new Set(
    (
      await tx
        .select({ id: problemReplies.id })
        .from(problemReplies)
        .where(inArray(problemReplies.id, replyIds))
    ).map((r) => r.id),
  );
  for (const seed of engagementSeeds) {
    const index = problemSeeds.findIndex((problem) => problem.corpus === seed.corpus);
    if (index < 0) throw new Error(`engagement seed names an unknown demo problem: ${seed.corpus}`);
    const problemId = problemSeedId(seed.corpus);
    const postedAt = context.now - index * POST_INTERVAL_MS;
    await tx
      .insert(problemEndorsements)
      .values(
        seed.endorsers.map((name, n) => ({
          problemId,
          userId: found(context.users, at(name), "user").id,
          createdAt: new Date(postedAt + (n + 1) * REPLY_INTERVAL_MS),
        })),
      )
      .onConflictDoNothing();
    const replies = seed.replies
      .map((reply, n) => ({
        id: problemSeedId(`${seed.corpus}/reply/${n}`),
        problemId,
        authorId: found(context.users, at(reply.author), "user").id,
        body: reply.body,
        createdAt: new Date(postedAt + (n + 1) * REPLY_INTERVAL_MS),
      }))
      .filter((reply) => !existing.has(reply.id));
    if (replies.length > 0) await tx.insert(problemReplies).values(replies);
  }
}
