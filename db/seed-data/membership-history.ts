import type { auditLog, memberships, notifications } from "../schema/index";

/**
 * The story behind the demo's memberships, so organizers open a membership log and a notification
 * list that read like a running alliance: chairs joined, appointed organizers, approved requests,
 * invited members; applicants still waiting wrote a note, and the leaders were told.
 */

type Membership = typeof memberships.$inferSelect;
type AllianceInfo = { id: string; slug: string; nameZh: string; nameEn: string; joinPolicy: string };
type Person = { id: string; email: string; displayName: string; createdAt: Date };

/** What the pending applicants wrote to the organizers, by email. */
export const requestNotes: Record<string, string> = {
  "sun.hao@demo.qilian.example": "我们在做边缘侧的AI推理模组，希望参加联盟的算力对接活动。",
  "emily.zhou@demo.qilian.example":
    "We build 5G private-network gateways for factories and would like to join the security working group.",
  "zhou.ting@demo.qilian.example": "我们的物联网平台服务多家银行网点，希望参与金融数据安全的共性问题研讨。",
  "liu.yang@demo.qilian.example": "我们是智能网联汽车零部件企业，希望对接机器人减速器和伺服系统的供应商。",
};

const MINUTE = 60_000;

export function membershipHistory(input: {
  created: Membership[];
  alliances: Map<string, AllianceInfo>;
  people: Map<string, Person>;
  now: Date;
}): { audit: (typeof auditLog.$inferInsert)[]; notes: (typeof notifications.$inferInsert)[] } {
  const { created, alliances, people, now } = input;
  const audit: (typeof auditLog.$inferInsert)[] = [];
  const notes: (typeof notifications.$inferInsert)[] = [];
  const at = (person: Person, minutes: number) =>
    new Date(Math.min(now.getTime() - MINUTE, person.createdAt.getTime() + minutes * MINUTE));
  const leaders = (allianceId: string, role: "chair" | "organizer") =>
    created.filter((m) => m.allianceId === allianceId && m.status === "active" && m.role === role);

  for (const m of created) {
    const alliance = alliances.get(m.allianceId)!;
    const person = people.get(m.userId)!;
    const chair = leaders(m.allianceId, "chair")[0]?.userId ?? null;
    const organizer = leaders(m.allianceId, "organizer")[0]?.userId ?? chair;
    const entry = (action: string, actorId: string | null, minutes: number, extra: object = {}) =>
      audit.push({
        action,
        actorId,
        subjectUserId: m.userId,
        allianceId: m.allianceId,
        createdAt: at(person, minutes),
        ...extra,
      });

    if (m.status === "pending") {
      const message = requestNotes[person.email] ?? "";
      entry("membership.requested", m.userId, 25, { data: message ? { message } : {} });
      for (const leader of [...leaders(m.allianceId, "chair"), ...leaders(m.allianceId, "organizer")]) {
        notes.push({
          userId: leader.userId,
          type: "membership.requested",
          data: {
            allianceId: alliance.id,
            allianceSlug: alliance.slug,
            allianceNameZh: alliance.nameZh,
            allianceNameEn: alliance.nameEn,
            applicant: person.displayName,
          },
          href: `/alliances/${alliance.slug}/requests`,
          createdAt: at(person, 25),
        });
      }
    } else if (m.role === "chair") {
      entry("membership.joined", m.userId, 10);
    } else if (m.role === "organizer") {
      entry("membership.joined", m.userId, 10);
      entry("membership.role_changed", chair, 40, { data: { from: "member", to: "organizer" } });
    } else if (alliance.joinPolicy === "open") {
      entry("membership.joined", m.userId, 15);
    } else if (alliance.joinPolicy === "invite") {
      entry("membership.invited", organizer, 5, { subjectUserId: null, data: { email: person.email } });
      entry("membership.invitation_accepted", m.userId, 50);
    } else {
      entry("membership.requested", m.userId, 15);
      entry("membership.approved", organizer, 70);
    }
  }
  return { audit, notes };
}
