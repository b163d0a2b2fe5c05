import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, eventRegistrations, events, notifications } from "../../db/schema/index";
import { describeNotification } from "~/components/notifications/notification-text";
import { translator } from "~/i18n/translate";
import { eventAccess } from "~/models/event-access.server";
import { register } from "~/models/event-registrations.server";
import { registerForAll } from "~/models/event-series.server";
import { getEventForm } from "~/models/event-form.server";
import { cancelOccurrence, updateOccurrence } from "~/models/event-occurrences.server";
import { cancelEvent, updateEvent } from "~/models/events.server";
import { eventEditSchema } from "~/validation/event";
import { utcToZoned, zonedToUtc } from "~/utils/zoned-time";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Series: creating one date per rule date, editing all or one, cancelling one, registering for all. */
describe("event series", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; displayName: string; cookie: string; platformRole: null };
  const people = { organizer: {} as Person, member: {} as Person, other: {} as Person };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let room = 0;
  const year = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return {
        id: user.id,
        displayName,
        platformRole: null,
        cookie: (await signIn(server.services, user.id)).cookie,
      };
    };
    people.organizer = await person("组织者甲");
    people.member = await person("成员乙");
    people.other = await person("成员丙");
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: alliance.id, userId: people.other.id });
  });

  const services = () => ({ db: database.db, realtime: server.services.realtime });

  const form = (overrides: Record<string, string> = {}) => {
    room += 1;
    return {
      type: "seminar",
      title: "精密传动系列讲座",
      description: "每周一讲。",
      allianceId: alliance.id,
      timeZone: "Europe/Berlin",
      startsAt: `${year}-10-20T19:00`,
      endsAt: `${year}-10-20T20:30`,
      venueName: "柏林中德创新中心",
      venueRoom: `系列厅 ${room}`,
      visibility: "public",
      status: "published",
      repeat: "weekly",
      repeatEnd: "count",
      repeatCount: "4",
      // Many series of one organizer at the same hours: the overlap warning is not what is tested here.
      acceptOverlaps: "on",
      ...overrides,
    };
  };

  const send = (path: string, who: Person | null, fields?: Record<string, string>) => {
    const headers: Record<string, string> = who ? { cookie: who.cookie } : {};
    return server.fetch(path, fields ? post(fields, headers) : { headers });
  };

  const create = async (fields: Record<string, string>) => {
    const res = await send("/events/new", people.organizer, fields);
    expect(res.status, (await res.clone().text()).slice(0, 400)).toBe(303);
    return res.headers.get("location")!.split("/").pop()!;
  };

  const occurrences = (eventId: string) =>
    database.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId))
      .orderBy(asc(eventOccurrences.originalStartsAt));

  const noticesFor = (userId: string, type: string) =>
    database.db
      .select({ id: notifications.id, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

  const local = (date: Date) => utcToZoned(date, "Europe/Berlin");

  /** The edit form's values, as the organizer would submit them unchanged, with some fields changed. */
  const editInput = async (eventId: string, overrides: Record<string, string>) => {
    const defaults = (await getEventForm(database.db, eventId))!;
    const fields = Object.fromEntries(
      Object.entries(defaults).filter(([, value]) => typeof value === "string"),
    ) as Record<string, string>;
    const parsed = eventEditSchema.safeParse({
      ...fields,
      agenda: [],
      cohostIds: [],
      acceptOverlaps: "on",
      ...overrides,
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    return parsed.data;
  };

  const ref = async (eventId: string) => (await eventAccess(database.db, people.organizer, eventId))!;

  it("creates one date per rule date, at the same wall-clock time across the end of summer time", async () => {
    const id = await create(form());
    const [event] = await database.db.select().from(events).where(eq(events.id, id));
    expect(event.rrule).toBe("FREQ=WEEKLY;COUNT=4");
    const rows = await occurrences(id);
    expect(rows.map((row) => local(row.startsAt))).toEqual([
      `${year}-10-20T19:00`,
      `${year}-10-27T19:00`,
      `${year}-11-03T19:00`,
      `${year}-11-10T19:00`,
    ]);
    // Summer time (UTC+2) before the last Sunday of October, winter time (UTC+1) after it.
    expect(rows[0].startsAt.getUTCHours()).toBe(17);
    expect(rows[3].startsAt.getUTCHours()).toBe(18);
    expect(rows.every((row) => row.endsAt.getTime() - row.startsAt.getTime() === 90 * 60_000)).toBe(true);
    const defaults = await getEventForm(database.db, id);
    expect(defaults).toMatchObject({ repeat: "weekly", repeatCount: "4", startsAt: `${year}-10-20T19:00` });
    const page = await send(`/events/${id}`, people.member);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="series-dates"');
  });

  it("refuses a series of more than 500 dates, keeping what was typed", async () => {
    const res = await send(
      "/events/new",
      people.organizer,
      form({ repeatCount: "501", title: "太长的系列" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("一个系列最多 500 场");
    expect(html).toContain('value="太长的系列"');
    expect(html).toContain('value="501"');
    const until = await send(
      "/events/new",
      people.organizer,
      form({ repeatEnd: "until", repeatUntil: `${year + 12}-01-01` }),
    );
    expect(until.status).toBe(400);
    expect(await until.text()).toContain("一个系列最多 500 场");
    const lastFriday = await send(
      "/events/new",
      people.organizer,
      form({ repeat: "monthlyLast", startsAt: `${year}-10-20T19:00` }),
    );
    expect(lastFriday.status).toBe(400);
  });

  it("edits the whole series: registrations stay with their dates, a vanished date is cancelled or removed", async () => {
    const id = await create(form());
    const before = await occurrences(id);
    await register(services(), before[1], people.member);
    await register(services(), before[3], people.other);
    // One hour later, three dates: the fourth has a registration (cancelled, its person told).
    const input = await editInput(id, {
      startsAt: `${year}-10-20T20:00`,
      endsAt: `${year}-10-20T21:30`,
      repeatCount: "3",
    });
    const saved = await updateEvent(services(), people.organizer, await ref(id), input);
    expect(saved.status).toBe("saved");
    const after = await occurrences(id);
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    expect(after.map((row) => [local(row.startsAt), row.status])).toEqual([
      [`${year}-10-20T20:00`, "scheduled"],
      [`${year}-10-27T20:00`, "scheduled"],
      [`${year}-11-03T20:00`, "scheduled"],
      [`${year}-11-10T19:00`, "cancelled"],
    ]);
    const kept = await database.db
      .select({ occurrenceId: eventRegistrations.occurrenceId, status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(inArray(eventRegistrations.occurrenceId, [before[1].id, before[3].id]))
      .orderBy(asc(eventRegistrations.id));
    expect(kept).toEqual([
      { occurrenceId: before[1].id, status: "confirmed" },
      { occurrenceId: before[3].id, status: "confirmed" },
    ]);
    expect((await noticesFor(people.member.id, "event.changed")).length).toBe(1);
    expect((await noticesFor(people.other.id, "event.cancelled")).length).toBe(1);
    const [event] = await database.db.select().from(events).where(eq(events.id, id));
    expect(event.sequence).toBe(1);
    expect(event.rrule).toBe("FREQ=WEEKLY;COUNT=3");

    // Two dates, again: the third has no registration and goes.
    const fewer = await editInput(id, { repeatCount: "2" });
    await updateEvent(services(), people.organizer, await ref(id), fewer);
    const final = await occurrences(id);
    expect(final.map((row) => row.id)).toEqual([before[0].id, before[1].id, before[3].id]);
    expect(final[2].detached).toBe(true);
    expect(final[2].status).toBe("cancelled");
  });

  it("edits one date on its own: detached, its registrants told, kept by later series edits", async () => {
    const id = await create(form());
    const rows = await occurrences(id);
    await register(services(), rows[2], people.member);
    const moved = {
      startsAt: zonedToUtc(`${year}-11-04T18:00`, "Europe/Berlin")!,
      endsAt: zonedToUtc(`${year}-11-04T19:30`, "Europe/Berlin")!,
      venueRoom: "小会议室",
    };
    const result = await updateOccurrence(services(), people.organizer, await ref(id), rows[2].id, moved);
    expect(result.status).toBe("saved");
    const [changed] = await database.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.id, rows[2].id));
    expect(changed).toMatchObject({ detached: true, venueRoom: "小会议室", startsAt: moved.startsAt });
    expect((await noticesFor(people.member.id, "event.changed")).length).toBeGreaterThanOrEqual(1);
    const told = (await noticesFor(people.member.id, "event.changed")).length;

    await updateEvent(
      services(),
      people.organizer,
      await ref(id),
      await editInput(id, { startsAt: `${year}-10-20T18:00`, endsAt: `${year}-10-20T19:30` }),
    );
    const after = await occurrences(id);
    expect(local(after[0].startsAt)).toBe(`${year}-10-20T18:00`);
    expect(after[2]).toMatchObject({ detached: true, venueRoom: "小会议室", startsAt: moved.startsAt });
    expect(local(after[2].originalStartsAt)).toBe(`${year}-11-03T18:00`);
    // Their date did not move this time: no second notice.
    expect((await noticesFor(people.member.id, "event.changed")).length).toBe(told);

    // A date of another event is not this event's (404 for the page and the action).
    const other = await create(form());
    const res = await send(`/events/${other}/occurrences/${rows[0].id}`, people.organizer);
    expect(res.status).toBe(404);
    expect((await send(`/events/${id}/occurrences/not-a-uuid`, people.organizer)).status).toBe(404);
    expect((await send(`/events/${id}/occurrences/${rows[0].id}`, people.member)).status).toBe(403);
    const page = await send(`/events/${id}/occurrences/${rows[0].id}`, people.organizer, {
      startsAt: `${year}-10-20T18:00`,
      endsAt: `${year}-10-20T17:00`,
      venueRoom: "",
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("结束时间必须晚于开始时间");
  });

  it("cancels one date: registrations kept, registrants told, sequence raised", async () => {
    const id = await create(form());
    const rows = await occurrences(id);
    await register(services(), rows[1], people.member);
    const refused = await send(`/events/${id}/series`, people.member, {
      intent: "cancelOccurrence",
      occurrenceId: rows[1].id,
    });
    expect(refused.status).toBe(403);
    const res = await send(`/events/${id}/series`, people.organizer, {
      intent: "cancelOccurrence",
      occurrenceId: rows[1].id,
    });
    expect(res.status).toBe(200);
    const [row] = await database.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.id, rows[1].id));
    expect(row.status).toBe("cancelled");
    const [registration] = await database.db
      .select({ status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.occurrenceId, rows[1].id));
    expect(registration.status).toBe("confirmed");
    const notices = await noticesFor(people.member.id, "event.cancelled");
    const notice = notices.find(
      (n) => (n.data as { startsAt?: string }).startsAt === row.startsAt.toISOString(),
    );
    expect(notice?.data).toMatchObject({ event: "精密传动系列讲座", timeZone: "Europe/Berlin" });
    // The reader sees which date, in the event's zone (19:00 in Berlin), in their own language.
    const words = describeNotification(translator("zh-CN"), "zh-CN", {
      type: "event.cancelled",
      data: notice!.data as Record<string, unknown>,
    }).sentence;
    expect(words).toContain("精密传动系列讲座");
    expect(words).toContain("19:00");
    const [event] = await database.db.select().from(events).where(eq(events.id, id));
    expect(event.sequence).toBe(1);
    const again = await cancelOccurrence(services(), people.organizer, await ref(id), rows[1].id);
    expect(again.status).toBe("saved");
    // Cancelling the whole event tells the people of the dates still to come, once each.
    await register(services(), rows[0], people.other);
    await register(services(), rows[2], people.other);
    const earlier = (await noticesFor(people.other.id, "event.cancelled")).length;
    await cancelEvent(services(), await ref(id), people.organizer);
    expect((await noticesFor(people.other.id, "event.cancelled")).length).toBe(earlier + 1);
    expect((await noticesFor(people.member.id, "event.cancelled")).length).toBe(notices.length);
    expect((await occurrences(id)).every((o) => o.status === "cancelled")).toBe(true);
  });

  it("registers for every coming date at once, waitlisted where full", async () => {
    const id = await create(form({ capacity: "1" }));
    const rows = await occurrences(id);
    await register(services(), rows[1], people.other);
    await cancelOccurrence(services(), people.organizer, await ref(id), rows[3].id);
    const res = await send(`/events/${id}/series`, people.member, { intent: "registerAll" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, confirmed: 2, waitlisted: 1 });
    const mine = await database.db
      .select({ occurrenceId: eventRegistrations.occurrenceId, status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.userId, people.member.id));
    const status = new Map(mine.map((row) => [row.occurrenceId, row.status]));
    expect(status.get(rows[0].id)).toBe("confirmed");
    expect(status.get(rows[1].id)).toBe("waitlisted");
    expect(status.get(rows[2].id)).toBe("confirmed");
    expect(status.has(rows[3].id)).toBe(false);
    // Again: nothing changes, nobody is registered twice.
    expect(await registerForAll(services(), { id }, people.member)).toEqual({ confirmed: 2, waitlisted: 1 });
    const counts = await occurrences(id);
    expect(counts.map((row) => row.confirmedCount)).toEqual([1, 1, 1, 0]);
    expect((await send(`/events/${id}/series`, null, { intent: "registerAll" })).status).toBe(302);
  });
});
