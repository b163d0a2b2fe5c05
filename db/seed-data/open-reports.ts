import { recountProblems } from "~/models/problem-counters.server";
import type { Tx } from "~/utils/db.server";
import { contentReports, problemReplies } from "../schema/index";
import { historyProblemId } from "./history-board";
import { historyResourceId } from "./history-catalogue";
import { HOUR_MS, historyId } from "./history-time";
import { channelMessageSeedId } from "./channels";
import type { AllianceRow, UserRow } from "./insert";

/**
 * Reports nobody has reviewed yet, so the moderation queues have work: a problem, a reply, a channel
 * message and a resource each reported in two alliances (with the reply already waiting in the
 * intelligent-vehicles queue from problem-care.ts), some clearly out of place, some a matter of
 * judgement to dismiss. Reporters can see what they report and never wrote it. The report's alliance is
 * the one the app files it under: the problem's, the channel's, the resource's first.
 */

type Context = { alliances: Map<string, AllianceRow>; users: Map<string, UserRow>; now: number };

const at = (name: string) => `${name}@demo.qilian.example`;

/** An off-topic reply, added so its report has something to point at. */
const PROMO_REPLY = {
  id: historyId("peripheral-drivers/reply/promo"),
  problem: "peripheral-drivers",
  author: "zhou.ting",
  body: "协会下月组织驱动适配专场对接会，参会企业可享会员价，报名请联系协会秘书处。",
  hoursAgo: 70,
};

type ReportSeed = {
  subject: "problem" | "problem_reply" | "channel_message" | "resource";
  id: string;
  alliance: string;
  reporter: string;
  reason: string;
  hoursAgo: number;
};

const reportSeeds: ReportSeed[] = [
  {
    subject: "problem",
    id: historyProblemId("reducer-whine"),
    alliance: "robotics",
    reporter: "sun.hao",
    reason: "和谐波减速器寿命那条难题内容重复，建议合并。",
    hoursAgo: 30,
  },
  {
    subject: "problem",
    id: historyProblemId("hotline-tickets"),
    alliance: "artificial-intelligence",
    reporter: "maria.santos",
    reason: "This reads like a procurement notice rather than a common technical problem.",
    hoursAgo: 52,
  },
  {
    subject: "problem_reply",
    id: PROMO_REPLY.id,
    alliance: "information-security",
    reporter: "fan.xu",
    reason: "Advertising a paid event; nothing to do with the missing drivers.",
    hoursAgo: 46,
  },
  {
    subject: "channel_message",
    id: channelMessageSeedId("iot-electronics", "general", "nb-iot"),
    alliance: "iot-electronics",
    reporter: "chen.jing",
    reason: "会员在频道里招揽业务，是否属于广告？请组织者确认。",
    hoursAgo: 20,
  },
  {
    subject: "channel_message",
    id: channelMessageSeedId("information-security", "general", "pilots"),
    alliance: "information-security",
    reporter: "wang.lei",
    reason: "提到可在保密协议下提供测试数据，涉及客户数据，建议组织者确认是否合规。",
    hoursAgo: 8,
  },
  {
    subject: "resource",
    id: historyResourceId("fingerprint-module"),
    alliance: "iot-electronics",
    reporter: "emily.zhou",
    reason:
      "The false-reject figure contradicts the datasheet the seller sent us; the listing may be outdated.",
    hoursAgo: 26,
  },
  {
    subject: "resource",
    id: historyResourceId("credit-model-validation"),
    alliance: "financial-big-data",
    reporter: "zhang.wei",
    reason: "描述中承诺“保证通过监管验收”，属于夸大宣传。",
    hoursAgo: 5,
  },
];

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`open report names an unknown ${what}: ${key}`);
  return value;
}

export async function seedOpenReports(tx: Tx, context: Context): Promise<void> {
  const user = (name: string) => found(context.users, at(name), "user").id;
  const problemId = historyProblemId(PROMO_REPLY.problem);
  await tx
    .insert(problemReplies)
    .values({
      id: PROMO_REPLY.id,
      problemId,
      authorId: user(PROMO_REPLY.author),
      body: PROMO_REPLY.body,
      createdAt: new Date(context.now - PROMO_REPLY.hoursAgo * HOUR_MS),
    })
    .onConflictDoNothing();
  await recountProblems(tx, [problemId]);
  await tx
    .insert(contentReports)
    .values(
      reportSeeds.map((report) => ({
        subjectType: report.subject,
        subjectId: report.id,
        allianceId: found(context.alliances, report.alliance, "alliance").id,
        reporterId: user(report.reporter),
        reason: report.reason,
        createdAt: new Date(context.now - report.hoursAgo * HOUR_MS),
      })),
    )
    .onConflictDoNothing();
}
