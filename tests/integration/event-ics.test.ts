import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, events, memberships } from "../../db/schema/index";
import { eventAccess } from "~/models/event-access.server";
import { cancelEvent, createEvent, updateEvent } from "~/models/events.server";
import { expandSeries, toRrule } from "~/utils/recurrence";
import type { EventInput } from "~/validation/event";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/**
 * Every .ics the app writes, read back with an independent parser (ical.js): the single download, a
 * series with a cancelled and a moved date, a cancelled event, and the private feed with its token rules.
 */
describe("event .ics and calendar feeds", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; cookie: string };
  const people = {
    organizer: {} as Person,
    member: {} as Person,
    waiting: {} as Person,
    outsider: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let slot = 0;
  const hour = 3_600_000;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.organizer = await person("组织者甲");
    people.member = await person("成员乙");
    people.waiting = await person("候补丙");
    people.outsider = await person("局外人丁");
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: alliance.id, userId: people.waiting.id });
  });

  const host = () => new URL(server.url).hostname;
  const services = () => ({ db: database.db, realtime: server.services.realtime });
  const organizer = () => ({ id: people.organizer.id, platformRole: null });

  const base = (): EventInput => ({
    type: "seminar",
    title: "谐波减速器寿命研讨会，第一期; 含分号",
    description: "讨论**疲劳寿命**。\n第二行",
    allianceId: alliance.id,
    cohostIds: [],
    timeZone: "Asia/Shanghai",
    venueName: "天津滨海科技园",
    venueRoom: undefined,
    venueAddress: "滨海新区 1 号",
    onlineUrl: "https://meet.example.com/secret-room",
    registrationOpensAt: null,
    registrationClosesAt: null,
    visibility: "public",
    status: "published",
    agenda: [],
    problems: [],
    startsAt: new Date(),
    endsAt: new Date(),
  });

  async function newEvent(overrides: Partial<EventInput> = {}): Promise<string> {
    slot += 1;
    const startsAt = new Date(Date.now() + (20 + slot) * 86_400_000);
    startsAt.setUTCHours(6, 0, 0, 0);
    const result = await createEvent(services(), organizer(), {
      ...base(),
      venueRoom: `报告厅 ${slot}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * hour),
      ...overrides,
    });
    expect(result.status).toBe("saved");
    return (result as { id: string }).id;
  }

  const get = (path: string, who: Person | null) =>
    server.fetch(path, who ? { headers: { cookie: who.cookie } } : {});

  async function register(eventId: string, who: Person) {
    const [occurrence] = await database.db
      .select({ id: eventOccurrences.id })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId));
    const res = await server.fetch(
      `/events/${eventId}/registration`,
      post({ intent: "register", occurrenceId: occurrence.id }, { cookie: who.cookie }),
    );
    expect(res.status).toBe(200);
  }

  async function occurrencesOf(eventId: string) {
    return database.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId))
      .orderBy(eventOccurrences.originalStartsAt);
  }

  /** Parses with ical.js; every VEVENT, checked for the fields every event must carry. */
  function parse(text: string) {
    expect(text.endsWith("\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents("vevent");
    for (const vevent of vevents) {
      expect(vevent.getFirstPropertyValue("uid")).toMatch(new RegExp(`@${host().replace(/\./g, "\\.")}$`));
      expect(vevent.getFirstPropertyValue("dtstamp")).toBeTruthy();
      expect(vevent.getFirstProperty("sequence")).toBeTruthy();
      expect(vevent.getFirstPropertyValue("url")).toMatch(/\/events\/[0-9a-f-]{36}$/);
      expect(vevent.getFirstProperty("organizer")?.getParameter("cn")).toBe(alliance.nameZh);
    }
    return { calendar, vevents };
  }

  async function download(eventId: string, who: Person | null) {
    const res = await get(`/events/${eventId}.ics`, who);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    return parse(await res.text());
  }

  it("downloads a single event with zone, place, alarm and the database's times", async () => {
    const id = await newEvent();
    const res = await get(`/events/${id}.ics`, people.member);
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9 _.-]+\.ics"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(`${base().title}.ics`);
    const { calendar, vevents } = parse(await res.text());
    expect(vevents).toHaveLength(1);
    const [vevent] = vevents;
    const event = new ICAL.Event(vevent);
    const [occurrence] = await occurrencesOf(id);
    expect(event.uid).toBe(`${id}@${host()}`);
    expect(event.summary).toBe(base().title);
    expect(event.description).toContain("第二行");
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Shanghai");
    expect(event.startDate.zone?.tzid).toBe("Asia/Shanghai");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Shanghai");
    expect(event.startDate.toJSDate().getTime()).toBe(occurrence.startsAt.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(occurrence.endsAt.getTime());
    expect(event.location).toBe(`天津滨海科技园, 报告厅 ${slot}, 滨海新区 1 号`);
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const alarm = vevent.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(alarm.getFirstPropertyValue("trigger")?.toString()).toBe("-PT1H");
    // The online link is for people with a seat and organizers only.
    expect(event.description).not.toContain("secret-room");
    const own = new ICAL.Event((await download(id, people.organizer)).vevents[0]);
    expect(own.description).toContain("https://meet.example.com/secret-room");
    await register(id, people.member);
    expect(new ICAL.Event((await download(id, people.member)).vevents[0]).description).toContain(
      "secret-room",
    );
  });

  it("raises SEQUENCE after an edit and marks a cancelled event CANCELLED", async () => {
    const id = await newEvent();
    const ref = (await eventAccess(database.db, organizer(), id))!;
    const [occurrence] = await occurrencesOf(id);
    const startsAt = new Date(occurrence.startsAt.getTime() + hour);
    const edited = await updateEvent(services(), organizer(), ref, {
      ...base(),
      venueRoom: `报告厅 ${slot}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hour),
    });
    expect(edited.status).toBe("saved");
    const after = new ICAL.Event((await download(id, people.member)).vevents[0]);
    expect(after.sequence).toBe(1);
    expect(after.startDate.toJSDate().getTime()).toBe(startsAt.getTime());
    await cancelEvent(services(), ref);
    const { vevents } = await download(id, people.member);
    expect(new ICAL.Event(vevents[0]).sequence).toBe(2);
    expect(vevents[0].getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevents[0].getFirstSubcomponent("valarm")).toBeNull();
  });

  it("answers 404 where the page does", async () => {
    const hidden = await newEvent({ visibility: "alliance" });
    const draft = await newEvent({ status: "draft" });
    expect((await get(`/events/${hidden}.ics`, people.outsider)).status).toBe(404);
    expect((await get(`/events/${hidden}.ics`, null)).status).toBe(404);
    expect((await get(`/events/${hidden}.ics`, people.member)).status).toBe(200);
    expect((await get(`/events/${draft}.ics`, people.member)).status).toBe(404);
    expect((await get(`/events/${draft}.ics`, people.organizer)).status).toBe(200);
    expect((await get(`/events/not-a-uuid.ics`, people.member)).status).toBe(404);
    expect((await get(`/events/${crypto.randomUUID()}.ics`, people.member)).status).toBe(404);
  });

  it("writes a series across a daylight-saving change as RRULE, EXDATE and a RECURRENCE-ID override", async () => {
    // Weekly at 19:00 Berlin time across the end of summer time (31 October 2027).
    const first = new Date("2027-10-12T17:00:00Z");
    const id = await newEvent({
      timeZone: "Europe/Berlin",
      startsAt: first,
      endsAt: new Date(first.getTime() + 2 * hour),
    });
    const rule = { repeat: "weekly" as const, end: { count: 5 } };
    const expansion = expandSeries(first, "Europe/Berlin", rule);
    if (!expansion.ok) throw new Error("series did not expand");
    await database.db
      .update(events)
      .set({ rrule: toRrule(rule, first, "Europe/Berlin") })
      .where(eq(events.id, id));
    await database.db.insert(eventOccurrences).values(
      expansion.starts.slice(1).map((startsAt) => ({
        eventId: id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * hour),
        originalStartsAt: startsAt,
      })),
    );
    const rows = await occurrencesOf(id);
    expect(rows.map((row) => row.startsAt.toISOString())).toEqual([
      "2027-10-12T17:00:00.000Z",
      "2027-10-19T17:00:00.000Z",
      "2027-10-26T17:00:00.000Z",
      "2027-11-02T18:00:00.000Z",
      "2027-11-09T18:00:00.000Z",
    ]);
    // The third date is cancelled, the fourth moved a day later into another room.
    await database.db
      .update(eventOccurrences)
      .set({ status: "cancelled" })
      .where(eq(eventOccurrences.id, rows[2].id));
    const moved = new Date(rows[3].startsAt.getTime() + 24 * hour);
    await database.db
      .update(eventOccurrences)
      .set({
        startsAt: moved,
        endsAt: new Date(moved.getTime() + hour),
        detached: true,
        venueRoom: "小会议室",
      })
      .where(eq(eventOccurrences.id, rows[3].id));

    const { calendar, vevents } = await download(id, people.member);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    const master = vevents.find((vevent) => vevent.getFirstProperty("rrule"))!;
    expect(master.getFirstPropertyValue("uid")).toBe(`${id}@${host()}`);
    expect(String(master.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;COUNT=5");
    const exdates = master.getAllProperties("exdate").map((p) => (p.getFirstValue() as ICAL.Time).toJSDate());
    expect(exdates.map((d) => d.toISOString())).toEqual([rows[2].startsAt.toISOString()]);
    const overrides = vevents.filter((vevent) => vevent.getFirstProperty("recurrence-id"));
    expect(overrides).toHaveLength(1);
    expect(overrides[0].getFirstPropertyValue("uid")).toBe(`${id}@${host()}`);
    expect(overrides[0].getFirstPropertyValue("location")).toContain("小会议室");

    // Expanded by ical.js, the series lands exactly on the database's scheduled dates.
    const event = new ICAL.Event(master);
    for (const override of overrides) event.relateException(override);
    const iterator = event.iterator();
    const expanded: { start: string; end: string }[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      expanded.push({
        start: details.startDate.toJSDate().toISOString(),
        end: details.endDate.toJSDate().toISOString(),
      });
    }
    const scheduled = (await occurrencesOf(id))
      .filter((row) => row.status === "scheduled")
      .map((row) => ({ start: row.startsAt.toISOString(), end: row.endsAt.toISOString() }))
      .sort((a, b) => a.start.localeCompare(b.start));
    expect(expanded).toEqual(scheduled);
  });

  async function feedToken(who: Person): Promise<string> {
    const res = await server.fetch(
      "/settings/calendar-feed",
      post({ intent: "create" }, { cookie: who.cookie }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const match = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(html);
    expect(match).not.toBeNull();
    expect(html).toContain(`webcal://${new URL(server.url).host}/calendar/${match![1]}.ics`);
    return match![1];
  }

  const feed = (token: string) => server.fetch(`/calendar/${token}.ics`);

  it("feeds a user's registered and followed events, and nobody else's", async () => {
    const confirmed = await newEvent({ capacity: 1 });
    await register(confirmed, people.member);
    await register(confirmed, people.waiting);
    const followed = await newEvent();
    const follow = await server.fetch(
      `/events/${followed}/follow`,
      post({ intent: "follow" }, { cookie: people.waiting.cookie }),
    );
    expect(follow.status).toBe(303);
    expect(await (await get(`/events/${followed}`, people.waiting)).text()).toContain("取消关注");
    const cancelled = await newEvent();
    await register(cancelled, people.waiting);
    await cancelEvent(services(), (await eventAccess(database.db, organizer(), cancelled))!);
    const membersOnly = await newEvent({ visibility: "alliance" });
    await register(membersOnly, people.waiting);
    const unrelated = await newEvent();
    await register(unrelated, people.member);

    const token = await feedToken(people.waiting);
    const res = await feed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^private/);
    const { vevents } = parse(await res.text());
    const byUid = new Map(vevents.map((vevent) => [String(vevent.getFirstPropertyValue("uid")), vevent]));
    const uid = (id: string) => `${id}@${host()}`;
    expect([...byUid.keys()].sort()).toEqual([confirmed, followed, cancelled, membersOnly].map(uid).sort());
    expect(byUid.get(uid(cancelled))!.getFirstPropertyValue("status")).toBe("CANCELLED");
    // Waitlisted and following give no seat, so no online link.
    expect(String(byUid.get(uid(confirmed))!.getFirstPropertyValue("description"))).not.toContain(
      "secret-room",
    );

    // Leaving the alliance takes its members-only events out of the feed.
    await database.db
      .update(memberships)
      .set({ status: "left" })
      .where(and(eq(memberships.allianceId, alliance.id), eq(memberships.userId, people.waiting.id)));
    const later = parse(await (await feed(token)).text()).vevents.map((v) =>
      String(v.getFirstPropertyValue("uid")),
    );
    expect(later).not.toContain(uid(membersOnly));
    expect(later).toContain(uid(confirmed));

    // Another user's feed holds their own events only, the online link where they hold a seat.
    const other = parse(await (await feed(await feedToken(people.member))).text()).vevents;
    const otherUids = other.map((v) => String(v.getFirstPropertyValue("uid")));
    expect(otherUids).toContain(uid(unrelated));
    expect(otherUids).not.toContain(uid(followed));
    const seat = other.find((v) => v.getFirstPropertyValue("uid") === uid(confirmed))!;
    expect(String(seat.getFirstPropertyValue("description"))).toContain("secret-room");
  });

  it("refuses unknown, replaced and revoked tokens without a session", async () => {
    expect((await feed("A".repeat(43))).status).toBe(404);
    expect((await feed("short")).status).toBe(404);
    const first = await feedToken(people.organizer);
    expect((await feed(first)).status).toBe(200);
    const second = await feedToken(people.organizer);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    const settings = await (await get("/settings", people.organizer)).text();
    expect(settings).toContain("停用订阅链接");
    expect(settings).not.toContain(second);
    const revoke = await server.fetch(
      "/settings/calendar-feed",
      post({ intent: "revoke" }, { cookie: people.organizer.cookie }),
    );
    expect(revoke.status).toBe(200);
    expect((await feed(second)).status).toBe(404);
    expect((await server.fetch("/settings/calendar-feed", post({ intent: "create" }))).status).toBe(302);
  });

  it("lets signed-in viewers follow only events they can see", async () => {
    const hidden = await newEvent({ visibility: "alliance" });
    const follow = (who: Person | null, id = hidden) =>
      server.fetch(`/events/${id}/follow`, post({ intent: "follow" }, who ? { cookie: who.cookie } : {}));
    expect((await follow(people.outsider)).status).toBe(404);
    expect((await follow(null)).status).toBe(302);
    expect((await follow(people.member, "nope")).status).toBe(404);
    expect((await follow(people.member)).status).toBe(303);
    const unfollow = await server.fetch(
      `/events/${hidden}/follow`,
      post({ intent: "unfollow" }, { cookie: people.member.cookie }),
    );
    expect(unfollow.status).toBe(303);
    expect(await (await get(`/events/${hidden}`, people.member)).text()).toContain("关注活动");
  });
});
