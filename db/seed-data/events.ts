import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { searchVector } from "~/search/tsquery.server";
import type { Tx } from "~/utils/db.server";
import { utcToZoned, zonedToUtc } from "~/utils/zoned-time";
import type { EventStatus, EventType, EventVisibility } from "~/validation/event";
import { eventAgendaItems, eventCohosts, eventOccurrences, eventProblems, events } from "../schema/index";
import { nextSeptemberThursday, seriesRows, type SeriesSeed } from "./event-series";
import type { AllianceRow, UserRow } from "./insert";
import { problemSeedId } from "./problems";

/**
 * Demo events: past ones (with minutes of what came out of them) and upcoming ones over the next weeks,
 * in Chinese mostly and a few in English, one draft, one cancelled, one for members only, some with
 * seats and an agenda, two on seeded problems. Times are set relative to the seed run, in the event's zone.
 */
type AgendaSeed = [offset: number, duration: number, title: string, guest?: string];

type EventSeed = {
  key: string;
  alliance: string;
  organizer: string;
  cohosts?: string[];
  type: EventType;
  title: string;
  description: string;
  /** Days from the seed run, and the local start and end times. */
  inDays: number;
  from: string;
  to: string;
  timeZone?: string;
  venue?: { name: string; room?: string; address?: string };
  onlineUrl?: string;
  capacity?: number;
  visibility?: EventVisibility;
  status?: EventStatus;
  agenda?: AgendaSeed[];
  problems?: string[];
  minutes?: string;
  series?: SeriesSeed;
};

const TEDA = { name: "天津经济技术开发区服务中心", address: "天津市滨海新区第三大街 51 号" };

export const eventSeeds: EventSeed[] = [
  {
    key: "reducer-seminar",
    alliance: "robotics",
    organizer: "daniel.hoffmann",
    cohosts: ["artificial-intelligence"],
    type: "seminar",
    title: "谐波减速器寿命与国产化研讨会",
    description:
      "围绕柔轮疲劳寿命、齿形设计和测试方法，整机厂与减速器厂商面对面交流。\n\n请提前阅读关联难题。",
    inDays: 9,
    from: "14:00",
    to: "17:00",
    venue: { ...TEDA, room: "第三会议室" },
    capacity: 40,
    agenda: [
      [0, 20, "开场与难题回顾", "赵敏"],
      [20, 40, "柔轮疲劳寿命测试方法", "王教授（天津大学）"],
      [60, 40, "国产齿形设计进展", "精工传动 技术部"],
      [100, 60, "圆桌讨论：联合攻关如何分工"],
    ],
    problems: ["harmonic-reducer-life"],
  },
  {
    key: "ai-exchange",
    alliance: "artificial-intelligence",
    organizer: "maria.santos",
    type: "academic_exchange",
    title: "Academic exchange: foundation models for industrial inspection",
    description: "Researchers from Tianjin and Berlin compare notes on vision models for defect detection.",
    inDays: 16,
    from: "16:00",
    to: "18:00",
    timeZone: "Europe/Berlin",
    onlineUrl: "https://meet.example.com/qilian-ai-exchange",
    agenda: [
      [0, 45, "Inspection models on the factory floor", "Dr. Anna Keller"],
      [45, 45, "Small-sample defect detection in Tianjin plants", "黄志远"],
      [90, 30, "Open questions"],
    ],
  },
  {
    key: "security-workshop",
    alliance: "information-security",
    organizer: "li.na",
    type: "workshop",
    title: "工控系统安全实战工作坊",
    description: "动手演练：PLC 固件分析与工控协议流量审计。请自带笔记本电脑。",
    inDays: 12,
    from: "09:30",
    to: "12:00",
    venue: { name: "天津软件园", room: "实训室 A", address: "天津市华苑产业区海泰发展六道 6 号" },
    capacity: 20,
  },
  {
    key: "vehicles-meeting",
    alliance: "intelligent-vehicles",
    organizer: "emily.zhou",
    type: "alliance_meeting",
    title: "智能网联车联盟季度会议",
    description: "审议下季度工作计划与测试场共享方案。仅联盟成员参加。",
    inDays: 20,
    from: "10:00",
    to: "11:30",
    venue: { ...TEDA, room: "第一会议室" },
    visibility: "alliance",
  },
  {
    key: "iot-visit",
    alliance: "iot-electronics",
    organizer: "zhou.ting",
    cohosts: ["advanced-communications"],
    type: "site_visit",
    title: "智能终端产线参观考察",
    description: "参观 SMT 产线与整机测试车间，交流柔性制造经验。",
    inDays: 26,
    from: "13:30",
    to: "16:30",
    venue: { name: "滨海新区智能终端产业园", address: "天津市滨海新区中新生态城" },
    capacity: 25,
  },
  {
    key: "fintech-draft",
    alliance: "financial-big-data",
    organizer: "zhang.wei",
    type: "seminar",
    title: "金融数据合规共享研讨会（筹备中）",
    description: "议程筹备中。",
    inDays: 33,
    from: "14:00",
    to: "16:00",
    venue: { name: "天津金融城", room: "多功能厅" },
    status: "draft",
  },
  {
    key: "comms-cancelled",
    alliance: "advanced-communications",
    organizer: "zhou.ting",
    type: "seminar",
    title: "5G 专网部署经验交流会",
    description: "因主讲嘉宾行程变动取消，新时间另行通知。",
    inDays: 6,
    from: "14:00",
    to: "16:00",
    venue: { ...TEDA, room: "第二会议室" },
    status: "cancelled",
  },
  {
    key: "servo-seminar-past",
    alliance: "robotics",
    organizer: "daniel.hoffmann",
    type: "seminar",
    title: "伺服编码器精度问题专题研讨",
    description: "整机厂与编码器厂商共同梳理高分辨率编码器的精度瓶颈。",
    inDays: -21,
    from: "14:00",
    to: "16:30",
    venue: { ...TEDA, room: "第三会议室" },
    capacity: 30,
    agenda: [
      [0, 30, "问题背景", "孙浩"],
      [30, 60, "误差来源分析"],
      [90, 60, "下一步：样件互测"],
    ],
    problems: ["servo-encoder"],
    minutes: "会议确定由两家整机厂提供样件，三个月内完成互测，结果在联盟内共享。",
  },
  {
    key: "ai-workshop-past",
    alliance: "artificial-intelligence",
    organizer: "huang.zhiyuan",
    type: "workshop",
    title: "大模型私有化部署工作坊",
    description: "在单机多卡环境部署开源大模型，并接入企业知识库。",
    inDays: -10,
    from: "09:00",
    to: "17:00",
    venue: { name: "天津人工智能创新中心", room: "培训教室" },
    onlineUrl: "https://meet.example.com/qilian-llm-workshop",
    capacity: 50,
    minutes: "整理的部署脚本已分享到联盟资源库；下期将加入检索增强（RAG）评测。",
  },
  {
    key: "security-exchange-past",
    alliance: "information-security",
    organizer: "chen.jing",
    cohosts: ["financial-big-data"],
    type: "academic_exchange",
    title: "Data security in cross-border research collaboration",
    description: "An exchange on data export rules and privacy-preserving computation for joint research.",
    inDays: -35,
    from: "15:00",
    to: "17:00",
    onlineUrl: "https://meet.example.com/qilian-data-security",
    minutes: "Agreed to draft a shared checklist for data leaving joint projects.",
  },
  {
    key: "robotics-weekly-series",
    alliance: "robotics",
    organizer: "daniel.hoffmann",
    type: "seminar",
    title: "机器人关键零部件每周研讨",
    description:
      "每周一次的晚间系列研讨，轮流由整机厂和零部件厂商主讲。第三次因场地检修取消，第五次改到晚一小时。",
    inDays: 5,
    from: "19:00",
    to: "20:30",
    venue: { ...TEDA, room: "第五会议室" },
    capacity: 30,
    series: {
      recurrence: { repeat: "weekly", end: { count: 8 } },
      cancel: [2],
      move: [{ index: 4, hours: 1 }],
    },
  },
  {
    key: "berlin-monthly-exchange",
    alliance: "artificial-intelligence",
    organizer: "huang.zhiyuan",
    type: "academic_exchange",
    title: "Sino-German monthly exchange on industrial AI",
    description:
      "An online exchange with partners in Berlin on the first Thursday of each month, 17:00 Berlin time. " +
      "The series crosses the end of summer time: the wall-clock time stays, the time in Shanghai moves by an hour.",
    inDays: 0,
    from: "17:00",
    to: "18:30",
    timeZone: "Europe/Berlin",
    onlineUrl: "https://meet.example.com/qilian-berlin-exchange",
    series: {
      recurrence: { repeat: "monthly", end: { count: 4 } },
      firstDay: nextSeptemberThursday,
    },
  },
];

export function eventSeedId(key: string): string {
  const hex = crypto.createHash("sha1").update(`qilian-demo-event:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Context = { alliances: Map<string, AllianceRow>; users: Map<string, UserRow>; now: number };

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`event seed names an unknown ${what}: ${key}`);
  return value;
}

/** Schedules the demo events that are not there yet (fixed ids), so seeding twice changes nothing. */
export async function seedEvents(tx: Tx, context: Context): Promise<void> {
  const ids = eventSeeds.map((seed) => eventSeedId(seed.key));
  const existing = new Set(
    (await tx.select({ id: events.id }).from(events).where(inArray(events.id, ids))).map((row) => row.id),
  );
  for (const [index, seed] of eventSeeds.entries()) {
    const id = ids[index];
    if (existing.has(id)) continue;
    const timeZone = seed.timeZone ?? "Asia/Shanghai";
    const day =
      seed.series?.firstDay?.(context.now, timeZone) ??
      utcToZoned(new Date(context.now + seed.inDays * 86_400_000), timeZone).slice(0, 10);
    const startsAt = zonedToUtc(`${day}T${seed.from}`, timeZone)!;
    const endsAt = zonedToUtc(`${day}T${seed.to}`, timeZone)!;
    const host = found(context.alliances, seed.alliance, "alliance");
    const createdAt = new Date(Math.min(context.now, startsAt.getTime()) - 14 * 86_400_000);
    await tx.insert(events).values({
      id,
      allianceId: host.id,
      type: seed.type,
      title: seed.title,
      description: seed.description,
      timeZone,
      venueName: seed.venue?.name ?? null,
      venueRoom: seed.venue?.room ?? null,
      venueAddress: seed.venue?.address ?? null,
      onlineUrl: seed.onlineUrl ?? null,
      capacity: seed.capacity ?? null,
      visibility: seed.visibility ?? "public",
      status: seed.status ?? "published",
      minutes: seed.minutes ?? null,
      createdById: found(context.users, `${seed.organizer}@demo.qilian.example`, "user").id,
      search: searchVector({ title: seed.title, body: seed.description }),
      createdAt,
      updatedAt: createdAt,
    });
    if (seed.series) {
      const { rrule, rows } = seriesRows(seed.series, startsAt, endsAt, timeZone);
      await tx.update(events).set({ rrule }).where(eq(events.id, id));
      await tx.insert(eventOccurrences).values(rows.map((row) => ({ eventId: id, ...row })));
    } else
      await tx.insert(eventOccurrences).values({
        eventId: id,
        startsAt,
        endsAt,
        originalStartsAt: startsAt,
        status: seed.status === "cancelled" ? "cancelled" : "scheduled",
      });
    if (seed.cohosts?.length)
      await tx.insert(eventCohosts).values(
        seed.cohosts.map((slug) => ({
          eventId: id,
          allianceId: found(context.alliances, slug, "alliance").id,
        })),
      );
    if (seed.agenda?.length) {
      // As the form does: a speaker named like a demo member is that member (resolveSpeakers).
      const members = new Map([...context.users.values()].map((user) => [user.displayName, user.id]));
      await tx.insert(eventAgendaItems).values(
        seed.agenda.map(([offsetMinutes, durationMinutes, title, speaker], position) => {
          const speakerId = speaker ? (members.get(speaker) ?? null) : null;
          return {
            eventId: id,
            position,
            offsetMinutes,
            durationMinutes,
            title,
            speakerId,
            guestName: speakerId ? null : (speaker ?? null),
          };
        }),
      );
    }
    if (seed.problems?.length)
      await tx
        .insert(eventProblems)
        .values(seed.problems.map((corpus) => ({ eventId: id, problemId: problemSeedId(corpus) })));
  }
}
