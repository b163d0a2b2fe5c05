import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  alliances,
  channels,
  eventOccurrences,
  events,
  inquiries,
  memberships,
  organizations,
  orgRepresentatives,
  users,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import {
  allianceTopic,
  channelTopic,
  eventTopic,
  inquiryTopic,
  PLATFORM_TOPIC,
  problemTopic,
  userTopic,
} from "~/realtime/topics";
import {
  actions,
  allows,
  policy,
  type Action,
  type AllianceRole,
  type OrgRole,
  type PlatformRole,
  type Scope,
} from "~/utils/permissions.server";
import { createAlliance, createResource } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, refusal, signIn, subscribe } from "../setup/live";
import { useTestServer } from "../setup/server";
import { insertJoined } from "../setup/shell-fixtures";
import { post } from "./auth-helpers";

/**
 * The authorization matrix, generated from the policy table: every action against every kind of
 * viewer, through the running server (HTTP or socket) — anonymous, a signed-in non-member, a pending
 * applicant, member, organizer, chair, platform admin, and a member of another alliance (who must fare
 * exactly like a non-member: the swapped-id case); for organizations, a representative, the org's
 * admin, and the admin of another organization. A probe answers only whether the policy let the
 * request through: a login redirect, 403, or the 404 that hides an archived alliance means no; a
 * record rule that refuses afterwards (the last chair, 409) still means the policy said yes.
 */

type Persona =
  | "anonymous"
  | "user"
  | "pending"
  | "member"
  | "organizer"
  | "chair"
  | "admin"
  | "otherAllianceMember"
  | "representative"
  | "orgAdmin"
  | "otherOrgAdmin";

const personasFor: Record<Scope, Persona[]> = {
  platform: ["anonymous", "user", "member", "admin"],
  alliance: ["anonymous", "user", "pending", "member", "organizer", "chair", "admin", "otherAllianceMember"],
  organization: ["anonymous", "user", "representative", "orgAdmin", "admin", "otherOrgAdmin"],
};

/** The role the policy should see for a persona in a scope; the "other" personas are strangers here. */
function roleIn(scope: Scope, persona: Persona): string {
  if (persona === "anonymous" || persona === "admin") return persona;
  if (scope === "platform") return "user" satisfies PlatformRole;
  if (scope === "alliance") {
    return (["pending", "member", "organizer", "chair"].includes(persona) ? persona : "user") as AllianceRole;
  }
  return (["representative", "orgAdmin"].includes(persona) ? persona : "user") as OrgRole;
}

describe("authorization matrix", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Fixture = Awaited<ReturnType<typeof makeFixture>>;

  async function person(label: string, platformRole: "admin" | null = null) {
    const id = crypto.randomUUID();
    const email = `${label}-${id.slice(0, 8)}@matrix.test`;
    await database.db
      .insert(users)
      .values({ id, email, displayName: `${label} ${id.slice(0, 4)}`, passwordHash: "x", platformRole });
    const { cookie } = await signIn(server.services, id);
    return { id, email, cookie };
  }

  async function makeFixture() {
    const [alliance, otherAlliance] = [
      await createAlliance(database.db, { joinPolicy: "request" }),
      await createAlliance(database.db, { joinPolicy: "request" }),
    ];
    const people = {
      user: await person("user"),
      pending: await person("pending"),
      member: await person("member"),
      organizer: await person("organizer"),
      chair: await person("chair"),
      admin: await person("admin", "admin"),
      otherAllianceMember: await person("other"),
      representative: await person("rep"),
      orgAdmin: await person("orgadmin"),
      otherOrgAdmin: await person("otherorgadmin"),
      target: await person("target"),
      applicant: await person("applicant"),
    };
    const member = (userId: string, role: "chair" | "organizer" | "member", status = "active" as const) => ({
      allianceId: alliance.id,
      userId,
      role,
      status,
      joinedAt: new Date(),
    });
    await database.db
      .insert(memberships)
      .values([
        member(people.chair.id, "chair"),
        member(people.organizer.id, "organizer"),
        member(people.member.id, "member"),
        member(people.target.id, "member"),
        { ...member(people.pending.id, "member"), status: "pending" },
        { ...member(people.applicant.id, "member"), status: "pending" },
        { ...member(people.otherAllianceMember.id, "organizer"), allianceId: otherAlliance.id },
      ]);
    const [org, otherOrg] = await database.db
      .insert(organizations)
      .values([
        {
          slug: `o-${crypto.randomUUID()}`,
          nameZh: `机构${crypto.randomUUID()}`,
          nameEn: "Org",
          kind: "enterprise",
        },
        {
          slug: `o-${crypto.randomUUID()}`,
          nameZh: `机构${crypto.randomUUID()}`,
          nameEn: "Other",
          kind: "institute",
        },
      ])
      .returning();
    await database.db.insert(orgRepresentatives).values([
      { orgId: org.id, userId: people.orgAdmin.id, role: "admin" },
      { orgId: org.id, userId: people.representative.id, role: "representative" },
      { orgId: otherOrg.id, userId: people.otherOrgAdmin.id, role: "admin" },
    ]);
    const joinedName = `新成员${crypto.randomUUID().slice(0, 6)}`;
    await insertJoined(database.db, { displayName: joinedName });
    return { alliance, org, people, joinedName };
  }

  type Answer = { status: number; location: string | null; body: string };

  const denied = ({ status, location }: Answer) =>
    status === 403 ||
    status === 404 ||
    ((status === 302 || status === 303) && /^\/login\b/.test(location ?? ""));

  async function http(
    path: string,
    cookie: string | undefined,
    form?: Record<string, string>,
  ): Promise<Answer> {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const res = await server.fetch(path, form ? post(form, headers) : { headers });
    return { status: res.status, location: res.headers.get("location"), body: await res.text() };
  }

  /** Subscribes to a topic over a real socket; a visitor cannot even connect. */
  async function watch(cookie: string | undefined, topic: string): Promise<boolean> {
    if (!cookie) {
      await refusal(client(server.url));
      return false;
    }
    const socket = await connect(client(server.url, { cookie }));
    try {
      return (await subscribe(socket, { topic, after: 0 })).ok;
    } finally {
      socket.disconnect();
    }
  }

  const passes = async (answer: Promise<Answer>) => !denied(await answer);

  /** Several routes guarding one action: all let the persona through, or none does. */
  const agreed = async (answers: Promise<boolean>[]) => {
    const results = await Promise.all(answers);
    expect(new Set(results).size, `routes disagree: ${results.join(", ")}`).toBe(1);
    return results[0];
  };

  /** A public problem someone else posted, so the author's own-problem rule stays out of the way. */
  const problemOf = (f: Fixture) =>
    insertProblem(database.db, {
      authorId: f.people.target.id,
      title: "矩阵测试难题",
      body: "正文",
      visibility: "public",
      urgency: "normal",
      nodeIds: [],
      tags: [],
    });

  /** A published public event of the fixture's alliance with one occurrence next week: open to register. */
  const publishedEventOf = async (f: Fixture) => {
    const [event] = await database.db
      .insert(events)
      .values({
        allianceId: f.alliance.id,
        title: "矩阵测试研讨会",
        status: "published",
        visibility: "public",
        capacity: 10,
        search: sql`''::tsvector`,
      })
      .returning({ id: events.id });
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const [occurrence] = await database.db
      .insert(eventOccurrences)
      .values({
        eventId: event.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        originalStartsAt: startsAt,
      })
      .returning({ id: eventOccurrences.id });
    return { eventId: event.id, occurrenceId: occurrence.id };
  };

  /** The fixture alliance's #general, which every alliance gets when it is inserted. */
  async function generalChannelOf(f: Fixture): Promise<string> {
    const [channel] = await database.db
      .select({ id: channels.id })
      .from(channels)
      .where(sql`${channels.allianceId} = ${f.alliance.id} and ${channels.kind} = 'general'`);
    return channel.id;
  }

  /** One probe per action of the table: true when the server let the persona through. */
  const probes: Record<
    Action,
    (f: Fixture, cookie: string | undefined, self: string | null) => Promise<boolean>
  > = {
    "platform.read": async (f, cookie) => (await http("/", cookie)).body.includes(f.joinedName),
    "platform.watch": (_f, cookie) => watch(cookie, PLATFORM_TOPIC),
    "user.watch": (_f, cookie, self) => watch(cookie, userTopic(self ?? crypto.randomUUID())),
    "alliance.create": (_f, cookie) => passes(http("/alliances/new", cookie)),
    "org.create": (_f, cookie) => passes(http("/orgs/new", cookie)),

    "alliance.viewArchived": async (f, cookie) => {
      await database.db
        .update(alliances)
        .set({ archivedAt: new Date() })
        .where(eq(alliances.id, f.alliance.id));
      return passes(http(`/alliances/${f.alliance.slug}`, cookie));
    },
    "alliance.watch": (f, cookie) => watch(cookie, allianceTopic(f.alliance.id)),
    "alliance.join": (f, cookie) =>
      passes(http(`/alliances/${f.alliance.slug}/membership`, cookie, { intent: "join" })),
    "alliance.cancelRequest": (f, cookie) =>
      passes(http(`/alliances/${f.alliance.slug}/membership`, cookie, { intent: "cancel" })),
    "alliance.leave": (f, cookie) =>
      passes(http(`/alliances/${f.alliance.slug}/membership`, cookie, { intent: "leave" })),
    "alliance.members.list": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/members`, cookie)),
    "alliance.members.seeEmail": async (f, cookie) =>
      (await http(`/alliances/${f.alliance.slug}/members`, cookie)).body.includes(f.people.target.email),
    "alliance.requests.decide": (f, cookie) =>
      passes(
        http(`/alliances/${f.alliance.slug}/requests`, cookie, {
          intent: "approve",
          userId: f.people.applicant.id,
        }),
      ),
    "alliance.invite": (f, cookie) =>
      passes(
        http(`/alliances/${f.alliance.slug}/invitations`, cookie, {
          intent: "invite",
          mode: "link",
          days: "7",
        }),
      ),
    "alliance.members.manage": (f, cookie) =>
      passes(
        http(`/alliances/${f.alliance.slug}/members`, cookie, {
          intent: "role",
          userId: f.people.target.id,
          role: "organizer",
        }),
      ),
    "alliance.audit.view": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/audit`, cookie)),
    "alliance.edit": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/settings`, cookie)),
    "alliance.archive": (f, cookie) =>
      passes(http(`/alliances/${f.alliance.slug}/settings`, cookie, { intent: "archive" })),

    "org.edit": (f, cookie) => passes(http(`/orgs/${f.org.id}/edit`, cookie)),
    "org.representatives.manage": (f, cookie) => passes(http(`/orgs/${f.org.id}/representatives`, cookie)),
    "org.leave": (f, cookie) => passes(http(`/orgs/${f.org.id}`, cookie, { intent: "leave" })),
    "org.verify": (f, cookie) => passes(http(`/orgs/${f.org.id}`, cookie, { intent: "verify" })),

    "problem.create": (_f, cookie) => passes(http("/problems/new", cookie)),
    "problem.endorse": async (f, cookie) =>
      passes(http(`/problems/${await problemOf(f)}`, cookie, { intent: "endorse" })),
    "problem.reply": async (f, cookie) =>
      passes(http(`/problems/${await problemOf(f)}`, cookie, { intent: "reply", body: "我们也在攻关。" })),
    "problem.watch": async (f, cookie) => watch(cookie, problemTopic(await problemOf(f))),
    "problem.follow": async (f, cookie) =>
      passes(http(`/problems/${await problemOf(f)}/follow`, cookie, { intent: "follow" })),
    "problem.report": async (f, cookie) => {
      const id = await problemOf(f);
      return passes(
        http(`/problems/${id}/report`, cookie, {
          subjectType: "problem",
          subjectId: id,
          reason: "疑似广告。",
        }),
      );
    },
    "problem.moderate": async (f, cookie) => {
      const id = await insertProblem(database.db, {
        authorId: f.people.target.id,
        allianceId: f.alliance.id,
        title: "矩阵测试难题",
        body: "正文",
        visibility: "public",
        urgency: "normal",
        nodeIds: [],
        tags: [],
      });
      return passes(
        http(`/problems/${id}/moderation`, cookie, {
          intent: "hide",
          subjectType: "problem",
          subjectId: id,
          reason: "与联盟无关的推广。",
        }),
      );
    },
    "problem.apply": async (f, cookie) =>
      passes(
        http(`/problems/${await problemOf(f)}/applications`, cookie, {
          intent: "apply",
          approach: "采用新型热处理工艺。",
          timeline: "三个月",
          team: "五人团队",
        }),
      ),
    "problem.manage": async (f, cookie, self) => {
      // The persona's own problem (a visitor has none: someone else's), so only the platform right decides.
      const id = await insertProblem(database.db, {
        authorId: self ?? f.people.target.id,
        title: "矩阵测试难题",
        body: "正文",
        visibility: "public",
        urgency: "normal",
        nodeIds: [],
        tags: [],
      });
      return passes(http(`/problems/${id}/status`, cookie, { intent: "close", note: "已由其他途径解决。" }));
    },

    "resource.create": (_f, cookie) => passes(http("/resources/new", cookie)),
    "resource.manage": async (f, cookie) => {
      // Every way in must agree: the edit form and the owner's buttons on the page.
      const [one, two] = [
        await createResource(database.db, { orgId: f.org.id }),
        await createResource(database.db, { orgId: f.org.id }),
      ];
      return agreed([
        passes(http(`/resources/${one.id}/edit`, cookie)),
        passes(http(`/resources/${two.id}`, cookie, { intent: "withdraw" })),
      ]);
    },
    "resource.report": async (f, cookie) => {
      const resource = await createResource(database.db, { orgId: f.org.id });
      return passes(http(`/resources/${resource.id}/report`, cookie, { reason: "疑似广告。" }));
    },
    "resource.moderate": async (f, cookie) => {
      const resource = await createResource(database.db, { orgId: f.org.id, allianceIds: [f.alliance.id] });
      return passes(
        http(`/resources/${resource.id}/moderation`, cookie, {
          intent: "hide",
          reason: "与联盟无关的推广。",
        }),
      );
    },
    "resource.inquiries.count": async (f, cookie) => {
      // A public resource shared with the alliance: everyone sees it on the tab, only some see its count.
      await createResource(database.db, { orgId: f.org.id, allianceIds: [f.alliance.id] });
      return (await http(`/alliances/${f.alliance.slug}/resources`, cookie)).body.includes(
        "data-inquiry-count=",
      );
    },

    "event.create": (f, cookie) => passes(http(`/events/new?alliance=${f.alliance.slug}`, cookie)),
    "event.manage": async (f, cookie) => {
      // Every way in must agree: the edit form, one date's page, check-in by code, the minutes.
      const { eventId, occurrenceId } = await publishedEventOf(f);
      return agreed([
        passes(http(`/events/${eventId}/edit`, cookie)),
        passes(http(`/events/${eventId}/occurrences/${occurrenceId}`, cookie)),
        passes(
          http(`/events/${eventId}/registrants`, cookie, { intent: "code", occurrenceId, code: "ZZZZZZ" }),
        ),
        passes(http(`/events/${eventId}/minutes`, cookie, { minutes: "纪要", followUps: "" })),
      ]);
    },
    "event.register": async (f, cookie) => {
      const { eventId, occurrenceId } = await publishedEventOf(f);
      return passes(http(`/events/${eventId}/registration`, cookie, { intent: "register", occurrenceId }));
    },
    "event.registrants.view": async (f, cookie) => {
      const { eventId } = await publishedEventOf(f);
      return agreed([
        passes(http(`/events/${eventId}/registrants`, cookie)),
        passes(http(`/events/${eventId}/registrants.csv`, cookie)),
      ]);
    },
    "event.watch": async (f, cookie) => watch(cookie, eventTopic((await publishedEventOf(f)).eventId)),

    "channel.read": async (f, cookie) => watch(cookie, channelTopic(await generalChannelOf(f))),
    "channel.post": async (f, cookie) =>
      passes(
        http(`/channels/${await generalChannelOf(f)}/messages`, cookie, {
          intent: "send",
          body: "矩阵测试消息",
          clientKey: `matrix-${crypto.randomUUID()}`,
        }),
      ),
    "alliance.presence.view": async (f, cookie) => {
      if (!cookie) return watch(cookie, PLATFORM_TOPIC);
      const socket = await connect(client(server.url, { cookie }));
      try {
        const answer = await socket.emitWithAck("presence:watch", { allianceId: f.alliance.id });
        return answer.ok;
      } finally {
        socket.disconnect();
      }
    },
    "channel.create": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/channels/new`, cookie)),
    "channel.manage": async (f, cookie) =>
      passes(http(`/channels/${await generalChannelOf(f)}/settings`, cookie)),
    "channel.moderate": async (f, cookie) =>
      passes(http(`/channels/${await generalChannelOf(f)}/moderation`, cookie)),
    "channel.report": async (f, cookie) => {
      // Someone else's message, written directly: only the report route's guard is under test.
      const channelId = await generalChannelOf(f);
      const [message] = await database.db.execute<{ id: string }>(sql`insert into channel_messages
        (channel_id, author_id, body, body_html, client_key)
        values (${channelId}, ${f.people.target.id}, '矩阵测试消息', '<p>矩阵测试消息</p>', ${crypto.randomUUID()})
        returning id`);
      return passes(
        http(`/channels/${channelId}/report`, cookie, { messageId: message.id, reason: "疑似广告。" }),
      );
    },
    "resource.inquire": async (f, cookie) => {
      const resource = await createResource(database.db, { orgId: f.org.id });
      return passes(
        http(`/resources/${resource.id}/inquiries`, cookie, {
          message: "能否提供样品与报价？",
          intendedUse: "用于矩阵测试的评估。",
        }),
      );
    },
    "inquiry.watch": async (f, cookie, self) => {
      // The persona's own inquiry (a visitor has none: someone else's), so only the platform right decides.
      const resource = await createResource(database.db, { orgId: f.org.id });
      const [inquiry] = await database.db
        .insert(inquiries)
        .values({
          resourceId: resource.id,
          askerId: self ?? f.people.target.id,
          message: "能否提供样品？",
          intendedUse: "评估",
        })
        .returning({ id: inquiries.id });
      return watch(cookie, inquiryTopic(inquiry.id));
    },

    "admin.insights.view": (_f, cookie) => passes(http("/admin", cookie)),
    "admin.moderate": (_f, cookie) => passes(http("/admin/reports", cookie)),
    "admin.users.manage": (_f, cookie) => passes(http("/admin/users", cookie)),
    "admin.audit.view": (_f, cookie) => passes(http("/admin/audit", cookie)),
    "alliance.insights.view": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/insights`, cookie)),
    "alliance.reports.review": (f, cookie) => passes(http(`/alliances/${f.alliance.slug}/reports`, cookie)),
  };

  it("has a probe for every action in the policy table", () => {
    expect(Object.keys(probes).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    const { scope } = policy[action];
    describe(action, () => {
      for (const persona of personasFor[scope]) {
        const role = roleIn(scope, persona);
        const expected = allows(role as never, action);
        it(`${expected ? "lets" : "stops"} ${persona} (${role})`, async () => {
          const fixture = await makeFixture();
          const who = persona === "anonymous" ? null : fixture.people[persona];
          expect(await probes[action](fixture, who?.cookie, who?.id ?? null)).toBe(expected);
        });
      }
    });
  }
});
