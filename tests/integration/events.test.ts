import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, events } from "../../db/schema/index";
import { createEvent } from "~/models/events.server";
import { insertProblem } from "~/models/problems.server";
import type { EventInput } from "~/validation/event";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Scheduling single events and showing them: the form's rules, access, the lists and their cost. */
describe("events", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string };
  const people = { organizer: {} as Person, member: {} as Person, outsider: {} as Person };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let slot = 0;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.organizer = await person("组织者甲");
    people.member = await person("成员乙");
    people.outsider = await person("局外人丙");
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
  });

  /** A distinct future day per call, so events never clash unless a test wants them to. */
  const nextDay = () => {
    slot += 1;
    const day = new Date(Date.now() + (30 + slot) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };

  const form = (overrides: Record<string, string> = {}) => {
    const day = nextDay();
    return {
      type: "seminar",
      title: "谐波减速器寿命研讨会",
      description: "讨论**疲劳寿命**。",
      allianceId: alliance.id,
      timeZone: "Asia/Shanghai",
      startsAt: `${day}T14:00`,
      endsAt: `${day}T16:30`,
      venueName: "天津滨海科技园",
      venueRoom: `报告厅 ${slot}`,
      visibility: "public",
      status: "published",
      "agenda[0].offsetMinutes": "0",
      "agenda[0].durationMinutes": "30",
      "agenda[0].title": "开场",
      "agenda[0].speaker": "王教授",
      ...overrides,
    };
  };

  const send = (path: string, who: Person | null, fields?: Record<string, string>) => {
    const headers: Record<string, string> = who ? { cookie: who.cookie } : {};
    return server.fetch(path, fields ? post(fields, headers) : { headers });
  };

  const created = async (fields: Record<string, string>) => {
    const res = await send("/events/new", people.organizer, fields);
    expect(
      res.status,
      await res
        .clone()
        .text()
        .then((t) => t.slice(0, 300)),
    ).toBe(303);
    return res.headers.get("location")!.split("/").pop()!;
  };

  const services = () => ({ db: database.db, realtime: server.services.realtime });
  const insert = async (input: Partial<EventInput> & { startsAt: Date; endsAt: Date }) => {
    const result = await createEvent(
      services(),
      { id: people.organizer.id, platformRole: null },
      {
        type: "seminar",
        title: "直接写入的活动",
        description: "",
        allianceId: alliance.id,
        cohostIds: [],
        timeZone: "Asia/Shanghai",
        venueName: undefined,
        onlineUrl: "https://meet.example.com/x",
        registrationOpensAt: null,
        registrationClosesAt: null,
        visibility: "public",
        acceptOverlaps: true,
        status: "published",
        agenda: [],
        problems: [],
        ...input,
      },
    );
    expect(result.status).toBe("saved");
    return (result as { id: string }).id;
  };

  it("lets an organizer schedule an event, stored in UTC with one occurrence", async () => {
    const fields = form();
    const id = await created(fields);
    const [row] = await database.db
      .select({ sequence: events.sequence, startsAt: eventOccurrences.startsAt, status: events.status })
      .from(events)
      .innerJoin(eventOccurrences, eq(eventOccurrences.eventId, events.id))
      .where(eq(events.id, id));
    expect(row.sequence).toBe(0);
    expect(row.startsAt.toISOString()).toBe(`${fields.startsAt.slice(0, 10)}T06:00:00.000Z`);
    const page = await send(`/events/${id}`, people.member);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("谐波减速器寿命研讨会");
    expect(html).toContain("王教授");
    expect(html).toContain("Asia/Shanghai");
  });

  it("sends visitors to log in and refuses members who organize nothing", async () => {
    const visitor = await send(`/events/new?alliance=${alliance.slug}`, null);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect((await send(`/events/new?alliance=${alliance.slug}`, people.member)).status).toBe(403);
    expect((await send("/events/new", people.member, form())).status).toBe(403);
    expect((await send(`/events/new?alliance=${alliance.slug}`, people.organizer)).status).toBe(200);
  });

  it.each([
    [
      "end before start",
      { endsAt: "2030-01-01T10:00", startsAt: "2030-01-01T11:00" },
      "结束时间必须晚于开始时间",
    ],
    ["an unknown zone", { timeZone: "Mars/Olympus" }, "无法识别这个时区"],
    [
      "registration closing after the end",
      { registrationClosesAt: "2031-01-01T10:00" },
      "报名截止时间不能晚于活动结束时间",
    ],
    ["a link that is not https", { onlineUrl: "http://meet.example.com/room" }, "https://"],
  ])("refuses %s with 400 and keeps what was typed", async (_name, overrides, message) => {
    const fields = form({ title: "保留我输入的标题", ...overrides });
    const res = await send("/events/new", people.organizer, fields);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain('value="保留我输入的标题"');
    for (const value of Object.values(overrides)) expect(html).toContain(value);
  });

  it("refuses a clash in the same room with a link to the other event", async () => {
    const first = await created(form({ venueRoom: "第一会议室" }));
    const [{ startsAt }] = await database.db
      .select({ startsAt: eventOccurrences.startsAt })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, first));
    const day = startsAt.toISOString().slice(0, 10);
    const res = await send(
      "/events/new",
      people.organizer,
      form({
        venueRoom: "第一会议室",
        startsAt: `${day}T15:00`,
        endsAt: `${day}T17:00`,
        title: "撞车的活动",
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`href="/events/${first}"`);
    expect(html).toContain("这个会议室在该时段已有其他活动");
    // Another room at the same time is no clash (the organizer being busy twice is only a warning).
    await created(
      form({
        venueRoom: "第二会议室",
        startsAt: `${day}T15:00`,
        endsAt: `${day}T17:00`,
        acceptOverlaps: "on",
      }),
    );
  });

  it("bumps the sequence on edit and refuses a capacity below the confirmed seats", async () => {
    const fields = form({ capacity: "10" });
    const id = await created(fields);
    const { allianceId: _host, ...edit } = fields;
    const ok = await send(`/events/${id}/edit`, people.organizer, { ...edit, title: "改过的标题" });
    expect(ok.status).toBe(303);
    const [after] = await database.db.select().from(events).where(eq(events.id, id));
    expect(after.sequence).toBe(1);
    expect(after.title).toBe("改过的标题");
    await database.db
      .update(eventOccurrences)
      .set({ confirmedCount: 5 })
      .where(eq(eventOccurrences.eventId, id));
    const refused = await send(`/events/${id}/edit`, people.organizer, { ...edit, capacity: "4" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("名额不能少于已确认报名的人数");
    expect((await send(`/events/${id}/edit`, people.member)).status).toBe(403);
    expect((await send(`/events/${id}/edit`, null)).status).toBe(302);
  });

  it("shows drafts only to managers and alliance-only events only to members", async () => {
    const draft = await created(form({ status: "draft" }));
    expect((await send(`/events/${draft}`, people.organizer)).status).toBe(200);
    expect((await send(`/events/${draft}`, people.member)).status).toBe(404);
    expect((await send(`/events/${draft}`, null)).status).toBe(404);
    const closed = await created(form({ visibility: "alliance" }));
    expect((await send(`/events/${closed}`, people.member)).status).toBe(200);
    expect((await send(`/events/${closed}`, people.outsider)).status).toBe(404);
    expect((await send(`/events/${closed}`, null)).status).toBe(404);
    expect((await send("/events/not-a-uuid", null)).status).toBe(404);
  });

  it("links problems the organizer can see, and refuses hidden ones", async () => {
    const other = await createAlliance(database.db);
    const problem = (visibility: "public" | "alliance", title: string) =>
      insertProblem(database.db, {
        authorId: people.member.id,
        allianceId: visibility === "alliance" ? other.id : null,
        title,
        body: "正文",
        visibility,
        urgency: "normal",
        nodeIds: [],
        tags: [],
      });
    const shown = await problem("public", "公开的柔轮难题");
    const hidden = await problem("alliance", "别的联盟的内部难题");
    const refused = await send("/events/new", people.organizer, form({ problems: `/problems/${hidden}` }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("有的难题不存在，或你无权查看");
    const id = await created(form({ problems: `http://localhost/problems/${shown}` }));
    const html = await (await send(`/events/${id}`, null)).text();
    expect(html).toContain(`href="/problems/${shown}"`);
    expect(html).toContain("公开的柔轮难题");
  });

  it("lists upcoming events first and past ones under their tab", async () => {
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const upcoming = await insert({
      title: "下周的交流会",
      startsAt: soon,
      endsAt: new Date(soon.getTime() + 3_600_000),
    });
    const ago = new Date(Date.now() - 5 * 86_400_000);
    const past = await insert({
      title: "上周的工作坊",
      startsAt: ago,
      endsAt: new Date(ago.getTime() + 3_600_000),
    });
    const list = await (await send("/events", null)).text();
    expect(list).toContain(`/events/${upcoming}`);
    expect(list).not.toContain(`/events/${past}`);
    const old = await (await send("/events?when=past", null)).text();
    expect(old).toContain(`/events/${past}`);
    expect(old).not.toContain(`/events/${upcoming}`);
    const tab = await (await send(`/alliances/${alliance.slug}/events?when=past`, null)).text();
    expect(tab).toContain(`/events/${past}`);
  });

  it("costs the same number of queries with many events and agenda items", async () => {
    const cost = async (path: string) => {
      const counts: number[] = [];
      for (let i = 0; i < 2; i++)
        counts.push(
          await counter.count(async () => {
            const res = await send(path, people.member);
            expect(res.status).toBe(200);
            await res.text();
          }),
        );
      return Math.min(...counts);
    };
    const start = new Date(Date.now() + 3 * 86_400_000);
    const small = await insert({ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) });
    const before = { list: await cost("/events"), page: await cost(`/events/${small}`) };
    const agenda = Array.from({ length: 25 }, (_, i) => ({
      offsetMinutes: i * 10,
      durationMinutes: 10,
      title: `报告 ${i}`,
      speaker: `嘉宾 ${i}`,
    }));
    let big = "";
    for (let i = 0; i < 12; i++)
      big = await insert({ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), agenda });
    expect(await cost("/events")).toBe(before.list);
    expect(await cost(`/events/${big}`)).toBe(before.page);
    expect(await (await send(`/events/${big}`, people.member)).text()).toContain("嘉宾 24");
  });
});
