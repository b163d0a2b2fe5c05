import { and, inArray } from "drizzle-orm";
import { recountProblems } from "~/models/problem-counters.server";
import type { Tx } from "~/utils/db.server";
import {
  problemApplications,
  problemEvents,
  problemFollows,
  problemMilestones,
  problems,
} from "../schema/index";
import type { OrganizationRow, UserRow } from "./insert";
import { problemSeedId, problemSeeds } from "./problems";

/**
 * The 揭榜 side of the demo board, matching each seeded problem's status: open problems have a few
 * applications, problems in progress an accepted one (from another organization than the poster's)
 * and a plan half done, solved ones a plan fully done and a note on the solution, closed ones the
 * reason they were closed. Fixed ids and per-problem checks make a second run change nothing.
 */

type Applicant = {
  who: string;
  org: string;
  status: "submitted" | "shortlisted" | "accepted" | "declined";
  approach: string;
  timeline: string;
  team: string;
  note?: string;
};

type Milestone = { title: string; dueInDays: number | null; done: boolean };

type WorkSeed = {
  corpus: string;
  applicants: Applicant[];
  milestones?: Milestone[];
  /** The poster's note when the problem was solved or closed. */
  note?: string;
};

export const problemWorkSeeds: WorkSeed[] = [
  {
    corpus: "harmonic-reducer-life",
    applicants: [
      {
        who: "daniel.hoffmann",
        org: "jingrui-drive",
        status: "shortlisted",
        approach:
          "Our RV reducer line solved a similar flexspline fatigue issue with **shot peening** followed by nitriding.\n\n- Finite-element review of the tooth root\n- Shot peening trials on your samples\n- 10⁷-cycle bench tests",
        timeline: "Process trials in 2 months, bench tests completed within 6 months.",
        team: "Two process engineers, one test engineer (Tianjin lab).",
      },
      {
        who: "huang.zhiyuan",
        org: "haihe-university-of-technology",
        status: "submitted",
        approach:
          "从材料角度入手：对柔轮用 **40CrNiMoA** 做真空渗碳 + 深冷处理，并用数字图像相关法测量齿根应变，定位裂纹萌生位置。",
        timeline: "第 1–2 月完成应变测量，第 3–5 月完成工艺试验，第 6 月出具报告。",
        team: "材料学院疲劳与断裂课题组：教授 1 名、博士后 2 名、研究生 4 名。",
      },
    ],
  },
  {
    corpus: "vision-defect-detection",
    applicants: [
      {
        who: "chen.jing",
        org: "ruitong-security",
        status: "submitted",
        approach: "采用**小样本缺陷生成**扩充训练集，结合异常检测模型，在产线现有相机上即可部署。",
        timeline: "四周完成数据梳理，三个月完成产线试点。",
        team: "算法工程师 3 名、部署工程师 1 名。",
      },
      {
        who: "maria.santos",
        org: "intelligent-tech-institute",
        status: "shortlisted",
        approach:
          "A self-supervised pretraining pipeline on unlabeled line images, then few-shot fine-tuning per defect type; we report precision/recall per class.",
        timeline: "Pilot on one line in 10 weeks.",
        team: "Vision group of the institute: 1 PI, 3 researchers.",
      },
    ],
  },
  {
    corpus: "ai-inference-chip",
    applicants: [
      {
        who: "liu.yang",
        org: "dongli-zhixing",
        status: "submitted",
        approach: "提供车规级场景的模型与量化测试集，联合验证 INT8 精度损失。",
        timeline: "两个月内提供测试集与基线结果。",
        team: "智驾算法团队 4 人。",
      },
    ],
  },
  {
    corpus: "en-ros2-realtime",
    applicants: [
      {
        who: "sun.hao",
        org: "zhiduan-electronics",
        status: "submitted",
        approach:
          "A PREEMPT_RT kernel profile for our controller boards, with cyclictest latency reports under ROS 2 load.",
        timeline: "Reports in six weeks.",
        team: "Embedded Linux team, three engineers.",
      },
    ],
  },
  {
    corpus: "rv-reducer-backlash",
    applicants: [
      {
        who: "zhao.min",
        org: "jinkai-robotics",
        status: "accepted",
        approach: "用整机标定数据反推回差分布，配合摆线轮修形，实现**批量一致性**控制。",
        timeline: "三个月完成修形验证，六个月小批量装机。",
        team: "结构、工艺、测试工程师各 2 名。",
      },
    ],
    milestones: [
      { title: "回差测量方法统一", dueInDays: -20, done: true },
      { title: "摆线轮修形方案评审", dueInDays: 10, done: false },
      { title: "小批量装机验证", dueInDays: 90, done: false },
    ],
  },
  {
    corpus: "auto-chip-shortage",
    applicants: [
      {
        who: "wang.lei",
        org: "haihe-xinsuan",
        status: "accepted",
        approach: "以国产 MCU 替代方案为主，提供 **AEC-Q100** 认证计划和二供验证支持。",
        timeline: "四个月完成样片验证，九个月完成车规认证。",
        team: "芯片应用工程师 5 名、质量工程师 2 名。",
      },
      {
        who: "zhang.wei",
        org: "bochuan-data",
        status: "declined",
        approach: "建立供应链风险数据平台，预测缺货风险。",
        timeline: "三个月上线。",
        team: "数据团队 3 人。",
        note: "本难题需要芯片替代方案，数据平台可另行合作。",
      },
    ],
    milestones: [
      { title: "候选芯片清单确定", dueInDays: -30, done: true },
      { title: "样片台架测试", dueInDays: -5, done: true },
      { title: "AEC-Q100 认证", dueInDays: 120, done: false },
    ],
  },
  {
    corpus: "5g-redcap-module",
    applicants: [
      {
        who: "emily.zhou",
        org: "gangwan-communications",
        status: "accepted",
        approach:
          "Port site tests of RedCap modules on our port private network, covering handover and power saving.",
        timeline: "Field tests over one quarter.",
        team: "Network operations team, four engineers.",
      },
    ],
    milestones: [
      { title: "Test plan agreed", dueInDays: -10, done: true },
      { title: "Field test at the container terminal", dueInDays: 45, done: false },
    ],
  },
  {
    corpus: "welding-robot-seam",
    applicants: [
      {
        who: "huang.zhiyuan",
        org: "haihe-university-of-technology",
        status: "accepted",
        approach: "线结构光 + 深度学习焊缝识别，抗弧光干扰，实时纠偏。",
        timeline: "四个月完成原型，两个月现场验证。",
        team: "机器人视觉课题组 6 人。",
      },
    ],
    milestones: [
      { title: "传感器选型", dueInDays: -60, done: true },
      { title: "原型系统", dueInDays: -30, done: true },
      { title: "现场验证", dueInDays: -7, done: true },
    ],
    note: "现场验证焊缝跟踪误差小于 0.2 mm，达到验收指标。",
  },
  {
    corpus: "credit-risk-model",
    applicants: [
      {
        who: "fan.xu",
        org: "jinrong-shuzhi",
        status: "accepted",
        approach: "联合建模：基于隐私计算的多方特征融合，模型可解释。",
        timeline: "三个月。",
        team: "风控建模团队 5 人。",
      },
    ],
    milestones: [
      { title: "数据对齐", dueInDays: -40, done: true },
      { title: "模型上线", dueInDays: -3, done: true },
    ],
    note: "模型上线后坏账识别率提升 18%，验收通过。",
  },
  {
    corpus: "en-v2x-security",
    applicants: [
      {
        who: "chen.jing",
        org: "ruitong-security",
        status: "accepted",
        approach: "A PKI-based certificate management service for V2X messages, with misbehaviour detection.",
        timeline: "Five months including interoperability tests.",
        team: "Security architects (2) and developers (4).",
      },
    ],
    milestones: [
      { title: "Certificate authority set up", dueInDays: -50, done: true },
      { title: "Interoperability tests", dueInDays: -12, done: true },
    ],
    note: "Interoperability tests passed with three OEM units; accepted.",
  },
  { corpus: "lidar-cost", applicants: [], note: "联盟已立项专项攻关，本难题转入专项跟踪。" },
  {
    corpus: "humanoid-joint",
    applicants: [],
    note: "Merged into the harmonic reducer problem; please follow that one.",
  },
];

const DAY_MS = 86_400_000;
const at = (name: string) => `${name}@demo.qilian.example`;

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`problem work seed names an unknown ${what}: ${key}`);
  return value;
}

type Context = { users: Map<string, UserRow>; orgs: Map<string, OrganizationRow>; now: number };

export async function seedProblemWork(tx: Tx, context: Context): Promise<void> {
  const ids = problemWorkSeeds.map((seed) => problemSeedId(seed.corpus));
  const posted = new Map(
    (
      await tx
        .select({ id: problems.id, createdAt: problems.createdAt, authorId: problems.authorId })
        .from(problems)
        .where(inArray(problems.id, ids))
    ).map((row) => [row.id, row]),
  );
  // Status events are written once per problem: a problem that has any already is left alone.
  const withEvents = new Set(
    (
      await tx
        .select({ problemId: problemEvents.problemId })
        .from(problemEvents)
        .where(
          and(
            inArray(problemEvents.problemId, ids),
            inArray(problemEvents.kind, ["status_changed", "application_accepted"]),
          ),
        )
    ).map((row) => row.problemId),
  );
  for (const seed of problemWorkSeeds) {
    const problemId = problemSeedId(seed.corpus);
    const problem = found(posted, problemId, "problem");
    const status = problemSeeds.find((p) => p.corpus === seed.corpus)?.status;
    // Times between posting and now, as fractions of the problem's age, so the history reads in order.
    const start = problem.createdAt.getTime();
    const moment = (fraction: number) => new Date(start + (context.now - start) * fraction);
    const applications = seed.applicants.map((applicant, n) => {
      const applicantId = found(context.users, at(applicant.who), "user").id;
      if (applicantId === problem.authorId) throw new Error(`${seed.corpus}: the poster cannot apply`);
      return {
        id: problemSeedId(`${seed.corpus}/application/${applicant.who}`),
        problemId,
        applicantId,
        orgId: found(context.orgs, applicant.org, "organization").id,
        approach: applicant.approach,
        timeline: applicant.timeline,
        team: applicant.team,
        status: applicant.status,
        decisionNote: applicant.note ?? null,
        createdAt: moment(0.1 + n * 0.05),
        updatedAt: moment(applicant.status === "submitted" ? 0.1 + n * 0.05 : 0.3),
      };
    });
    if (applications.length > 0) {
      await tx.insert(problemApplications).values(applications).onConflictDoNothing();
      await tx
        .insert(problemFollows)
        .values(applications.map((a) => ({ problemId, userId: a.applicantId, createdAt: a.createdAt })))
        .onConflictDoNothing();
    }
    if (seed.milestones) {
      await tx
        .insert(problemMilestones)
        .values(
          seed.milestones.map((milestone, position) => ({
            id: problemSeedId(`${seed.corpus}/milestone/${position}`),
            problemId,
            title: milestone.title,
            dueOn:
              milestone.dueInDays === null
                ? null
                : new Date(context.now + milestone.dueInDays * DAY_MS).toISOString().slice(0, 10),
            doneAt: milestone.done ? moment(0.5 + position * 0.1) : null,
            position: position + 1,
            createdAt: moment(0.32),
          })),
        )
        .onConflictDoNothing();
    }
    if (withEvents.has(problemId)) continue;
    const author = problem.authorId;
    const accepted = applications.find((a) => a.status === "accepted");
    const events: (typeof problemEvents.$inferInsert)[] = [];
    if (accepted) {
      events.push(
        {
          problemId,
          actorId: author,
          kind: "application_accepted",
          applicationId: accepted.id,
          createdAt: moment(0.3),
        },
        {
          problemId,
          actorId: author,
          kind: "status_changed",
          fromStatus: "open",
          toStatus: "in_progress",
          applicationId: accepted.id,
          createdAt: moment(0.3),
        },
      );
    }
    if (status === "solved" || status === "closed") {
      events.push({
        problemId,
        actorId: author,
        kind: "status_changed",
        fromStatus: accepted ? "in_progress" : "open",
        toStatus: status,
        note: seed.note ?? "",
        createdAt: moment(0.9),
      });
    }
    if (events.length > 0) await tx.insert(problemEvents).values(events);
  }
  await recountProblems(tx, ids);
}
