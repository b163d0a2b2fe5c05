import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventAgendaItems, eventOccurrences, eventRegistrations, notifications } from "../../db/schema/index";
import { translator } from "~/i18n/translate";
import { getEventForm } from "~/models/event-form.server";
import { cancelRegistration, register } from "~/models/event-registrations.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/**
 * Saving an event: member speakers are recognised by name; organizers and speakers busy at another
 * event then are a warning the organizer must accept; lowering the capacity below the seats taken is
 * refused unless the organizer moves the latest registrants to the waitlist.
 */
describe("event overlaps, speakers and capacity cuts", () => {
  const zh = translator("zh-CN");
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; displayName: string; cookie: string };
  const people = {} as Record<"organizer" | "speaker" | "a" | "b" | "c" | "d", Person>;
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let room = 0;
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    for (const [key, displayName] of [
      ["organizer", "组织者甲"],
      ["speaker", "报告人乙"],
      ["a", "成员一"],
      ["b", "成员二"],
      ["c", "成员三"],
      ["d", "成员四"],
    ] as const) {
      const { user } = await createUser(db, { displayName });
      people[key] = { id: user.id, displayName, cookie: (await signIn(server.services, user.id)).cookie };
      await addMember(db, {
        allianceId: alliance.id,
        userId: user.id,
        role: key === "organizer" ? "organizer" : "member",
      });
    }
  });

  const services = () => ({ db: database.db, realtime: server.services.realtime });

  /** A fresh room each time, so only people can overlap, never the venue. */
  const form = (from: string, to: string, overrides: Record<string, string> = {}) => {
    room += 1;
    return {
      type: "seminar",
      title: `伺服调参研讨 ${room}`,
      allianceId: alliance.id,
      timeZone: "Asia/Shanghai",
      startsAt: `${day}T${from}`,
      endsAt: `${day}T${to}`,
      venueName: "滨海会议中心",
      venueRoom: `房间 ${room}`,
      visibility: "public",
      status: "published",
      ...overrides,
    };
  };

  const send = (path: string, fields: Record<string, string>) =>
    server.fetch(path, post(fields, { cookie: people.organizer.cookie }));

  const created = async (fields: Record<string, string>) => {
    const res = await send("/events/new", fields);
    expect(res.status, (await res.clone().text()).slice(0, 400)).toBe(303);
    return res.headers.get("location")!.split("/").pop()!;
  };

  it("links a speaker named like a member of the host and keeps other names as guests", async () => {
    const id = await created(
      form("08:00", "08:30", {
        "agenda[0].offsetMinutes": "0",
        "agenda[0].durationMinutes": "15",
        "agenda[0].title": "开场",
        "agenda[0].speaker": people.speaker.displayName,
        "agenda[1].offsetMinutes": "15",
        "agenda[1].durationMinutes": "15",
        "agenda[1].title": "案例",
        "agenda[1].speaker": "外部嘉宾 王工",
        acceptOverlaps: "on",
      }),
    );
    const rows = await database.db
      .select({ speakerId: eventAgendaItems.speakerId, guestName: eventAgendaItems.guestName })
      .from(eventAgendaItems)
      .where(eq(eventAgendaItems.eventId, id))
      .orderBy(asc(eventAgendaItems.position));
    expect(rows).toEqual([
      { speakerId: people.speaker.id, guestName: null },
      { speakerId: null, guestName: "外部嘉宾 王工" },
    ]);
    const defaults = await getEventForm(database.db, id);
    expect((defaults!.agenda as { speaker: string }[]).map((item) => item.speaker)).toEqual([
      people.speaker.displayName,
      "外部嘉宾 王工",
    ]);
    const page = await (await server.fetch(`/events/${id}`)).text();
    expect(page).toContain(people.speaker.displayName);
  });

  it("warns when a speaker or the organizer is busy elsewhere, keeps the input, and saves once accepted", async () => {
    const agenda = {
      "agenda[0].offsetMinutes": "0",
      "agenda[0].durationMinutes": "60",
      "agenda[0].title": "主旨报告",
      "agenda[0].speaker": people.speaker.displayName,
    };
    const first = await created(form("14:00", "16:00", { ...agenda, acceptOverlaps: "on" }));
    const firstTitle = `伺服调参研讨 ${room}`;

    const clashing = form("15:00", "17:00", { ...agenda, description: "请保留这段说明" });
    const refused = await send("/events/new", clashing);
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain(firstTitle);
    expect(body).toContain(`/events/${first}`);
    expect(body).toContain("请保留这段说明");
    expect(body).toContain(zh("event.error.personOverlap"));

    // The organizer alone (no speaker) is busy then too.
    const organizerOnly = await send("/events/new", form("15:30", "16:30"));
    expect(organizerOnly.status).toBe(400);

    // Back to back is not an overlap.
    await created(form("16:00", "17:00", agenda));
    await created({ ...clashing, acceptOverlaps: "on" });
  });

  it("refuses a capacity below the seats taken, or moves the latest registrants to the head of the waitlist", async () => {
    const id = await created(form("19:00", "20:00", { capacity: "3", acceptOverlaps: "on" }));
    const [occurrence] = await database.db
      .select({ id: eventOccurrences.id })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, id));
    for (const who of [people.a, people.b, people.c, people.d]) await register(services(), occurrence, who);

    const defaults = (await getEventForm(database.db, id))!;
    const fields = Object.fromEntries(
      Object.entries(defaults).filter(([, value]) => typeof value === "string"),
    ) as Record<string, string>;
    const refused = await send(`/events/${id}/edit`, { ...fields, capacity: "1" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(zh("event.error.capacityBelowConfirmed"));

    const saved = await send(`/events/${id}/edit`, { ...fields, capacity: "1", capacityCut: "on" });
    expect(saved.status, (await saved.clone().text()).slice(0, 400)).toBe(303);

    const queue = async () =>
      database.db
        .select({ userId: eventRegistrations.userId, status: eventRegistrations.status })
        .from(eventRegistrations)
        .where(eq(eventRegistrations.occurrenceId, occurrence.id))
        .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id));
    expect(await queue()).toEqual([
      { userId: people.a.id, status: "confirmed" },
      { userId: people.b.id, status: "waitlisted" },
      { userId: people.c.id, status: "waitlisted" },
      { userId: people.d.id, status: "waitlisted" },
    ]);
    const [counter] = await database.db
      .select({ confirmed: eventOccurrences.confirmedCount })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.id, occurrence.id));
    expect(counter.confirmed).toBe(1);
    for (const who of [people.b, people.c]) {
      const told = await database.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, who.id), eq(notifications.type, "event.movedToWaitlist")));
      expect(told).toHaveLength(1);
    }

    // A freed seat goes to the earliest of them, who registered before the people queued behind.
    expect(await cancelRegistration(services(), occurrence, people.a)).toEqual({
      ok: true,
      promoted: [people.b.id],
    });
  });
});
