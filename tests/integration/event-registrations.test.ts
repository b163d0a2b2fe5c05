import crypto from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, eventRegistrations, events, notifications, users } from "../../db/schema/index";
import { getRegistrationView } from "~/models/event-registration-view.server";
import { cancelRegistration, fillFreedSeats, register } from "~/models/event-registrations.server";
import { transact } from "~/models/activity.server";
import type { LiveActivity } from "~/realtime/types";
import { eventTopic } from "~/realtime/topics";
import { addMember, addRepresentative, createAlliance, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Registration with a FIFO waitlist: no overbooking under concurrency, promotions, the window, live seats. */
describe("event registrations", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; displayName: string; email: string; cookie: string; platformRole: null };
  const people = {
    organizer: {} as Person,
    member: {} as Person,
    outsider: {} as Person,
    other: {} as Person,
  };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let orgName: string;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return {
        id: user.id,
        displayName,
        email: user.email,
        platformRole: null,
        cookie: (await signIn(server.services, user.id)).cookie,
      };
    };
    people.organizer = await person("组织者甲");
    people.member = await person("成员乙");
    people.outsider = await person("局外人丙");
    people.other = await person("成员丁");
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
    await addMember(db, { allianceId: alliance.id, userId: people.other.id });
    orgName = `精工传动${crypto.randomUUID().slice(0, 6)}`;
    const org = await createOrganization(db, { nameZh: orgName, nameEn: "Precision Drive" });
    await addRepresentative(db, { orgId: org.id, userId: people.member.id, role: "representative" });
  });

  const hour = 3_600_000;

  async function newEvent(
    options: {
      capacity?: number | null;
      status?: "draft" | "published" | "cancelled";
      visibility?: "public" | "alliance";
      startsAt?: Date;
      opensAt?: Date | null;
      closesAt?: Date | null;
      occurrenceStatus?: "scheduled" | "cancelled";
    } = {},
  ) {
    const [event] = await database.db
      .insert(events)
      .values({
        allianceId: alliance.id,
        title: `热处理工艺研讨会 ${crypto.randomUUID().slice(0, 4)}`,
        status: options.status ?? "published",
        visibility: options.visibility ?? "public",
        capacity: options.capacity === undefined ? 10 : options.capacity,
        registrationOpensAt: options.opensAt ?? null,
        registrationClosesAt: options.closesAt ?? null,
        search: sql`''::tsvector`,
      })
      .returning({ id: events.id, title: events.title });
    const startsAt = options.startsAt ?? new Date(Date.now() + 48 * hour);
    const [occurrence] = await database.db
      .insert(eventOccurrences)
      .values({
        eventId: event.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * hour),
        originalStartsAt: startsAt,
        status: options.occurrenceStatus ?? "scheduled",
      })
      .returning({ id: eventOccurrences.id });
    return { id: event.id, title: event.title, occurrenceId: occurrence.id };
  }

  const registrations = (occurrenceId: string) =>
    database.db
      .select({
        id: eventRegistrations.id,
        userId: eventRegistrations.userId,
        status: eventRegistrations.status,
        queuedAt: eventRegistrations.queuedAt,
        code: eventRegistrations.code,
      })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.occurrenceId, occurrenceId))
      .orderBy(asc(eventRegistrations.id));

  const waitlist = async (occurrenceId: string) =>
    (
      await database.db
        .select({ userId: eventRegistrations.userId })
        .from(eventRegistrations)
        .where(
          and(eq(eventRegistrations.occurrenceId, occurrenceId), eq(eventRegistrations.status, "waitlisted")),
        )
        .orderBy(asc(eventRegistrations.queuedAt), asc(eventRegistrations.id))
    ).map((row) => row.userId);

  const confirmedCount = async (occurrenceId: string) => {
    const [row] = await database.db
      .select({ n: eventOccurrences.confirmedCount })
      .from(eventOccurrences)
      .where(eq(eventOccurrences.id, occurrenceId));
    return row.n;
  };

  const send = (eventId: string, who: Person | null, form: Record<string, string>) =>
    server.fetch(`/events/${eventId}/registration`, post(form, who ? { cookie: who.cookie } : {}));

  it("seats exactly 50 of 200 concurrent registrants, queues 150 in arrival order, and promotes FIFO", async () => {
    const event = await newEvent({ capacity: 50 });
    const crowd = Array.from({ length: 200 }, (_, i) => {
      const id = crypto.randomUUID();
      return { id, displayName: `报名者${i}`, email: `crowd-${id}@test.qilian.example` };
    });
    await database.db.insert(users).values(crowd.map((u) => ({ ...u, passwordHash: "x" })));

    const outcomes = await Promise.all(
      crowd.map((u) => register(server.services, { id: event.occurrenceId }, u)),
    );
    expect(outcomes.every((o) => o.ok && o.changed)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(50);

    const rows = await registrations(event.occurrenceId);
    expect(rows).toHaveLength(200);
    expect(await confirmedCount(event.occurrenceId)).toBe(50);
    // Arrival is the order in which the occurrence's lock was granted: ids are drawn after it, so the
    // first 50 ids hold the seats and the rest queue behind them, and queued_at agrees with that order.
    expect(rows.slice(0, 50).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(50).every((r) => r.status === "waitlisted")).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].queuedAt.getTime()).toBeGreaterThanOrEqual(rows[i - 1].queuedAt.getTime());
    }
    expect(await waitlist(event.occurrenceId)).toEqual(rows.slice(50).map((r) => r.userId));
    expect(new Set(rows.map((r) => r.code)).size).toBe(200);
    for (const r of rows) expect(r.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    for (const [index, outcome] of outcomes.entries()) {
      const row = rows.find((r) => r.userId === crowd[index].id);
      expect(outcome.ok && outcome.status).toBe(row?.status);
    }

    // Ten cancellations of confirmed people, each handing its seat to the head of the queue.
    const queue = rows.slice(50).map((r) => r.userId);
    for (let i = 0; i < 10; i++) {
      const leaving = rows[i * 5].userId;
      const outcome = await cancelRegistration(server.services, { id: event.occurrenceId }, { id: leaving });
      expect(outcome).toEqual({ ok: true, promoted: [queue[i]] });
      expect(await confirmedCount(event.occurrenceId)).toBe(50);
    }
    expect(await waitlist(event.occurrenceId)).toEqual(queue.slice(10));
    const after = await registrations(event.occurrenceId);
    expect(after.filter((r) => r.status === "confirmed")).toHaveLength(50);
    expect(after.filter((r) => r.status === "cancelled")).toHaveLength(10);
    const told = await database.db
      .select({ userId: notifications.userId, data: notifications.data, href: notifications.href })
      .from(notifications)
      .where(
        and(eq(notifications.type, "event.promoted"), inArray(notifications.userId, queue.slice(0, 11))),
      );
    expect(told.map((n) => n.userId).sort()).toEqual(queue.slice(0, 10).sort());
    expect(told[0]).toMatchObject({ data: { event: event.title }, href: `/events/${event.id}` });

    // A cancellation on the waitlist frees no seat and promotes nobody.
    expect(await cancelRegistration(server.services, { id: event.occurrenceId }, { id: queue[20] })).toEqual({
      ok: true,
      promoted: [],
    });
    expect(await confirmedCount(event.occurrenceId)).toBe(50);
  });

  it("fills every freed seat in queue order when the capacity is raised", async () => {
    const event = await newEvent({ capacity: 1 });
    for (const who of [people.member, people.other, people.outsider]) {
      await register(server.services, { id: event.occurrenceId }, who);
    }
    await database.db.update(events).set({ capacity: 2 }).where(eq(events.id, event.id));
    const promoted = await transact(server.services, (tx, publish) =>
      fillFreedSeats(tx, publish, event.occurrenceId),
    );
    expect(promoted).toEqual([people.other.id]);
    expect(await confirmedCount(event.occurrenceId)).toBe(2);
    expect(await waitlist(event.occurrenceId)).toEqual([people.outsider.id]);
  });

  it("registers once per person, and a person who cancels and comes back queues at the back", async () => {
    const event = await newEvent({ capacity: 1 });
    const register1 = await send(event.id, people.member, {
      intent: "register",
      occurrenceId: event.occurrenceId,
    });
    expect(register1.status).toBe(200);
    expect(await register1.json()).toEqual({ ok: true, status: "confirmed" });
    const before = await registrations(event.occurrenceId);
    const again = await send(event.id, people.member, {
      intent: "register",
      occurrenceId: event.occurrenceId,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, status: "confirmed" });
    expect(await registrations(event.occurrenceId)).toEqual(before);
    expect(await confirmedCount(event.occurrenceId)).toBe(1);

    for (const who of [people.other, people.outsider]) {
      const res = await send(event.id, who, { intent: "register", occurrenceId: event.occurrenceId });
      expect(await res.json()).toEqual({ ok: true, status: "waitlisted" });
    }
    const [other] = await getRegistrationView(database.db, people.other, [event.occurrenceId]);
    expect(other).toMatchObject({ confirmed: 1, capacity: 1, seatsLeft: 0, waitlisted: 2, state: "open" });
    expect(other.mine).toMatchObject({ status: "waitlisted", position: 1 });

    const code = (await registrations(event.occurrenceId)).find((r) => r.userId === people.other.id)?.code;
    expect(
      (await send(event.id, people.other, { intent: "cancel", occurrenceId: event.occurrenceId })).status,
    ).toBe(200);
    expect(
      (await send(event.id, people.other, { intent: "register", occurrenceId: event.occurrenceId })).status,
    ).toBe(200);
    expect(await waitlist(event.occurrenceId)).toEqual([people.outsider.id, people.other.id]);
    const [back] = await getRegistrationView(database.db, people.other, [event.occurrenceId]);
    expect(back.mine).toEqual({ status: "waitlisted", code, position: 2 });
    const [front] = await getRegistrationView(database.db, people.outsider, [event.occurrenceId]);
    expect(front.mine).toMatchObject({ status: "waitlisted", position: 1 });

    // The seat goes to the head of the queue, not to the one who came back.
    const cancel = await send(event.id, people.member, {
      intent: "cancel",
      occurrenceId: event.occurrenceId,
    });
    expect(await cancel.json()).toEqual({ ok: true, status: "cancelled" });
    const [promoted] = await getRegistrationView(database.db, people.outsider, [event.occurrenceId]);
    expect(promoted.mine).toMatchObject({ status: "confirmed", position: null });
    expect(promoted).toMatchObject({ confirmed: 1, seatsLeft: 0, waitlisted: 1 });

    const twice = await send(event.id, people.member, { intent: "cancel", occurrenceId: event.occurrenceId });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toEqual({ ok: false, error: "eventRegistration.error.notRegistered" });
  });

  it("refuses closed, not yet open, started and cancelled occurrences with 409 and a message", async () => {
    const past = new Date(Date.now() - hour);
    const cases = [
      [await newEvent({ closesAt: past }), "closed"],
      [await newEvent({ opensAt: new Date(Date.now() + hour) }), "notOpen"],
      [await newEvent({ startsAt: past }), "started"],
      [await newEvent({ occurrenceStatus: "cancelled" }), "cancelled"],
      [await newEvent({ status: "cancelled" }), "cancelled"],
    ] as const;
    for (const [event, error] of cases) {
      const res = await send(event.id, people.member, {
        intent: "register",
        occurrenceId: event.occurrenceId,
      });
      expect(res.status, error).toBe(409);
      expect(await res.json()).toEqual({ ok: false, error: `eventRegistration.error.${error}` });
      const [view] = await getRegistrationView(database.db, people.member, [event.occurrenceId]);
      expect(view.state).toBe(error);
    }
    expect(await registrations(cases[0][0].occurrenceId)).toEqual([]);
    // A draft exists for its organizers, who still cannot register for it.
    const draft = await newEvent({ status: "draft" });
    const res = await send(draft.id, people.organizer, {
      intent: "register",
      occurrenceId: draft.occurrenceId,
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ ok: false, error: "eventRegistration.error.notPublished" });
  });

  it("hides drafts, alliance-only events and foreign occurrences (404) and sends visitors to log in", async () => {
    const draft = await newEvent({ status: "draft" });
    const res = await send(draft.id, people.member, { intent: "register", occurrenceId: draft.occurrenceId });
    expect(res.status).toBe(404);
    const internal = await newEvent({ visibility: "alliance" });
    expect(
      (await send(internal.id, people.outsider, { intent: "register", occurrenceId: internal.occurrenceId }))
        .status,
    ).toBe(404);
    const open = await newEvent();
    expect(
      (await send(open.id, people.member, { intent: "register", occurrenceId: internal.occurrenceId }))
        .status,
    ).toBe(404);
    expect(
      (await send(open.id, people.member, { intent: "register", occurrenceId: "not-a-uuid" })).status,
    ).toBe(404);
    const visitor = await send(open.id, null, { intent: "register", occurrenceId: open.occurrenceId });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/events/${open.id}`)}`,
    );
    expect(await registrations(open.occurrenceId)).toEqual([]);
  });

  it("tells watchers of the event the seats after each registration", async () => {
    const event = await newEvent({ capacity: 5 });
    const watcher = await connect(client(server.url, { cookie: people.outsider.cookie }));
    const seen: LiveActivity[] = [];
    watcher.on("activity", (activity) => seen.push(activity));
    try {
      expect((await subscribe(watcher, { topic: eventTopic(event.id), after: 1e12 })).ok).toBe(true);
      await send(event.id, people.member, { intent: "register", occurrenceId: event.occurrenceId });
      await until(() => seen.some((a) => a.type === "event.seats"), "event.seats to reach the watcher");
      expect(seen.find((a) => a.type === "event.seats")?.payload).toEqual({
        occurrenceId: event.occurrenceId,
        confirmed: 1,
        capacity: 5,
      });
      const draft = await newEvent({ status: "draft" });
      const refused = await subscribe(watcher, { topic: eventTopic(draft.id), after: 0 });
      expect(refused.ok).toBe(false);
      expect(refused.ok ? null : refused.error.code).toBe("not_found");
    } finally {
      watcher.disconnect();
    }
  });

  it("shows the registrants with contact data and codes to organizers only", async () => {
    const event = await newEvent({ capacity: 1 });
    await register(server.services, { id: event.occurrenceId }, people.member);
    await register(server.services, { id: event.occurrenceId }, people.other);
    const page = (who: Person | null, id = event.id) =>
      server.fetch(`/events/${id}/registrants`, { headers: who ? { cookie: who.cookie } : {} });
    const [member, other] = await Promise.all(
      [people.member, people.other].map(async (p) =>
        (await registrations(event.occurrenceId)).find((r) => r.userId === p.id),
      ),
    );
    const res = await page(people.organizer);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const text of [people.member.email, people.other.email, member?.code, other?.code, orgName]) {
      expect(html).toContain(text);
    }
    expect((await page(people.member)).status).toBe(403);
    expect((await page(people.outsider)).status).toBe(403);
    const visitor = await page(null);
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const draft = await newEvent({ status: "draft" });
    expect((await page(people.member, draft.id)).status).toBe(404);
    expect((await page(people.organizer, draft.id)).status).toBe(200);
  });
});
