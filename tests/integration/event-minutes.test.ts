import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  eventFollows,
  eventOccurrences,
  eventProblems,
  eventRegistrations,
  events,
  notifications,
} from "../../db/schema/index";
import { insertProblem } from "~/models/problems.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** After the event: minutes, follow-up problems, who is told, and the organizers' attendance figures. */
describe("event minutes and attendance", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  const people = {} as Record<"organizer" | "member" | "follower" | "late" | "outsider", Person>;
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let shown: string;
  let hidden: string;
  let another: string;
  const hour = 3_600_000;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    for (const key of ["organizer", "member", "follower", "late", "outsider"] as const) {
      const { user } = await createUser(db, { displayName: `参会者${key}` });
      people[key] = { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    }
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    const elsewhere = await createAlliance(db);
    const problem = (title: string, allianceId: string | null) =>
      insertProblem(db, {
        authorId: people.member.id,
        allianceId,
        title,
        body: "正文",
        visibility: allianceId ? "alliance" : "public",
        urgency: "normal",
        nodeIds: [],
        tags: [],
      });
    shown = await problem("会后提出的齿形统一难题", null);
    another = await problem("会后提出的润滑难题", null);
    hidden = await problem("别的联盟的内部难题", elsewhere.id);
  });

  /** A published event whose one occurrence is past (or upcoming), with people registered and following. */
  async function newEvent(options: { past?: boolean; status?: "draft" | "published" } = {}) {
    const startsAt = new Date(Date.now() + (options.past === false ? 24 : -3) * hour);
    const [event] = await database.db
      .insert(events)
      .values({
        allianceId: alliance.id,
        title: `减速器研讨会 ${crypto.randomUUID().slice(0, 4)}`,
        status: options.status ?? "published",
        capacity: 2,
        search: sql`''::tsvector`,
      })
      .returning({ id: events.id, title: events.title });
    const [occurrence] = await database.db
      .insert(eventOccurrences)
      .values({
        eventId: event.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * hour),
        originalStartsAt: startsAt,
        confirmedCount: 2,
      })
      .returning({ id: eventOccurrences.id });
    await database.db.insert(eventRegistrations).values([
      {
        occurrenceId: occurrence.id,
        userId: people.member.id,
        status: "confirmed",
        code: "AAAAA2",
        checkedInAt: startsAt,
      },
      { occurrenceId: occurrence.id, userId: people.organizer.id, status: "confirmed", code: "AAAAA3" },
      { occurrenceId: occurrence.id, userId: people.late.id, status: "waitlisted", code: "AAAAA4" },
    ]);
    await database.db.insert(eventFollows).values({ eventId: event.id, userId: people.follower.id });
    return event;
  }

  const save = (eventId: string, who: Person | null, form: Record<string, string>) =>
    server.fetch(`/events/${eventId}/minutes`, post(form, who ? { cookie: who.cookie } : {}));
  const page = async (eventId: string, who: Person | null) =>
    (await server.fetch(`/events/${eventId}`, { headers: who ? { cookie: who.cookie } : {} })).text();
  const told = async (eventId: string) =>
    (
      await database.db
        .select({ userId: notifications.userId, data: notifications.data, href: notifications.href })
        .from(notifications)
        .where(and(eq(notifications.type, "event.minutes"), eq(notifications.href, `/events/${eventId}`)))
    ).sort((a, b) => a.userId.localeCompare(b.userId));

  it("posts minutes and follow-ups after the event and tells followers and attendees once", async () => {
    const event = await newEvent();
    const res = await save(event.id, people.organizer, {
      minutes: "## 结论\n\n- 统一**齿形**标准",
      followUps: `http://localhost/problems/${shown}`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ saved: true });
    const [row] = await database.db
      .select({ minutes: events.minutes, at: events.minutesUpdatedAt })
      .from(events)
      .where(eq(events.id, event.id));
    expect(row.minutes).toBe("## 结论\n\n- 统一**齿形**标准");
    expect(row.at).toBeInstanceOf(Date);
    const links = await database.db
      .select({ problemId: eventProblems.problemId, link: eventProblems.link })
      .from(eventProblems)
      .where(eq(eventProblems.eventId, event.id));
    expect(links).toEqual([{ problemId: shown, link: "follow_up" }]);

    // The attendee and the follower; not the waitlisted person, not the organizer who wrote them.
    const first = await told(event.id);
    expect(first.map((n) => n.userId)).toEqual([people.member.id, people.follower.id].sort());
    expect(first[0].data).toEqual({ event: event.title });

    const visitor = await page(event.id, null);
    expect(visitor).toContain("<strong>齿形</strong>");
    expect(visitor).toContain(`href="/problems/${shown}"`);
    expect(visitor).toContain("会后提出的齿形统一难题");
    expect(visitor).not.toContain('id="event-problems"');
    expect(visitor).not.toContain('data-testid="attendance"');
    expect(visitor).not.toContain("保存纪要");

    // A correction tells nobody again; a new follow-up does.
    expect(
      (await save(event.id, people.organizer, { minutes: "## 结论\n\n改正", followUps: shown })).status,
    ).toBe(200);
    expect(await told(event.id)).toHaveLength(2);
    expect(
      (
        await save(event.id, people.organizer, {
          minutes: "## 结论\n\n改正",
          followUps: `${shown}\n${another}`,
        })
      ).status,
    ).toBe(200);
    expect(await told(event.id)).toHaveLength(4);
    // Removing a follow-up unlinks it.
    await save(event.id, people.organizer, { minutes: "## 结论\n\n改正", followUps: another });
    expect(
      (
        await database.db
          .select({ problemId: eventProblems.problemId })
          .from(eventProblems)
          .where(eq(eventProblems.eventId, event.id))
      ).map((r) => r.problemId),
    ).toEqual([another]);
  });

  it("shows organizers the attendance figures and the form", async () => {
    const event = await newEvent();
    const html = await page(event.id, people.organizer);
    expect(html).toContain('data-testid="attendance"');
    // Registered 3 (2 confirmed + 1 waitlisted), 1 checked in: 50 %, one no-show.
    const table = html.slice(html.indexOf('data-testid="attendance"'));
    const cells = [...table.matchAll(/<td class="[^"]*text-right">([^<]*)<\/td>/g)]
      .slice(0, 5)
      .map((m) => m[1]);
    expect(cells).toEqual(["3", "2", "1", "50%", "1"]);
    expect(html).toContain("保存纪要");
    expect(html).toContain(`/events/${event.id}/registrants`);
    expect(await page(event.id, people.member)).not.toContain('data-testid="attendance"');
  });

  it("refuses minutes before the end, unknown or hidden follow-ups, and keeps what was typed", async () => {
    const upcoming = await newEvent({ past: false });
    const early = await save(upcoming.id, people.organizer, { minutes: "太早了" });
    expect(early.status).toBe(409);
    expect((await early.json()).result.error[""]).toEqual(["eventAfter.error.notEnded"]);
    expect(await page(upcoming.id, people.organizer)).not.toContain("保存纪要");

    const event = await newEvent();
    const refused = await save(event.id, people.organizer, {
      minutes: "纪要正文",
      followUps: `/problems/${hidden}`,
    });
    expect(refused.status).toBe(400);
    const reply = (await refused.json()).result;
    expect(reply.error.followUps).toEqual(["eventAfter.error.problemInvalid"]);
    expect(reply.initialValue).toMatchObject({ minutes: "纪要正文", followUps: `/problems/${hidden}` });
    const tooLong = await save(event.id, people.organizer, { minutes: "长".repeat(20_001) });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).result.error.minutes).toEqual(["eventAfter.error.minutesTooLong"]);
    const [row] = await database.db
      .select({ minutes: events.minutes })
      .from(events)
      .where(eq(events.id, event.id));
    expect(row.minutes).toBeNull();
    expect(await told(event.id)).toEqual([]);
  });

  it("lets only organizers post: 403 for members, 404 for hidden events, login for visitors", async () => {
    const event = await newEvent();
    for (const who of [people.member, people.outsider]) {
      expect((await save(event.id, who, { minutes: "冒充" })).status).toBe(403);
    }
    const visitor = await save(event.id, null, { minutes: "冒充" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const draft = await newEvent({ status: "draft" });
    expect((await save(draft.id, people.member, { minutes: "冒充" })).status).toBe(404);
    expect((await save("not-a-uuid", people.organizer, { minutes: "x" })).status).toBe(404);
    const [row] = await database.db
      .select({ minutes: events.minutes })
      .from(events)
      .where(eq(events.id, event.id));
    expect(row.minutes).toBeNull();
  });
});
