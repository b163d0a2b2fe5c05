import crypto from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  emailOutbox,
  eventOccurrences,
  eventRegistrations,
  events,
  jobs,
  notifications,
  users,
} from "../../db/schema/index";
import { describeNotification } from "~/components/notifications/notification-text";
import { translator } from "~/i18n/translate";
import { transact } from "~/models/activity.server";
import { PLAN_KIND, REMINDER_KIND, planReminders, reminderKey } from "~/models/event-reminders.server";
import { enqueueJob } from "~/models/jobs.server";
import { notifyAll } from "~/models/notifications.server";
import { userTopic } from "~/realtime/topics";
import type { LiveActivity, Realtime } from "~/realtime/types";
import { jobHandlers } from "~/server/job-registry.server";
import {
  startJobRunner,
  type JobHandler,
  type JobRunner,
  type JobRunnerTuning,
} from "~/server/job-runner.server";
import { connectDatabase, type Database, type Db } from "~/utils/db.server";
import { loadConfig, type Config } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { formatRangeInZone } from "~/utils/zoned-time";
import { createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

const minute = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Postgres job queue and the event reminders it runs: exactly once across processes, retries, stale jobs. */
describe("job queue", () => {
  const database = useTestDatabase();
  let second: Database;
  let config: Config;
  const emitted: LiveActivity[] = [];
  const realtime: Realtime = {
    emit: (activities) => emitted.push(...activities),
    disconnectSession() {},
    disconnectUser() {},
    leaveRooms() {},
  };
  const log = createLogger("silent");
  const started: JobRunner[] = [];

  let allianceId: string;
  type Person = { id: string; email: string };
  const people = {} as Record<"english" | "noEmail" | "waitlisted" | "remindersOff" | "dayOnly", Person>;

  beforeAll(async () => {
    const { db } = database;
    // A second pool stands for a second server process: its own connections, its own runner.
    second = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 2 });
    config = loadConfig({
      NODE_ENV: "production",
      PUBLIC_URL: "https://qilian.example.org",
      SEED_DEMO: "false",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
    });
    allianceId = (await createAlliance(db)).id;
    const person = async (locale: "zh-CN" | "en", prefs: { minutes?: number[]; email?: boolean } = {}) => {
      const { user } = await createUser(db, { locale });
      await db
        .update(users)
        .set({ eventReminderMinutes: prefs.minutes ?? [1440, 60], eventReminderEmail: prefs.email ?? true })
        .where(eq(users.id, user.id));
      return { id: user.id, email: user.email };
    };
    people.english = await person("en");
    people.noEmail = await person("zh-CN", { email: false });
    people.waitlisted = await person("zh-CN");
    people.remindersOff = await person("zh-CN", { minutes: [] });
    people.dayOnly = await person("zh-CN", { minutes: [1440] });
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((runner) => runner.stop()));
  });

  afterAll(async () => {
    await second?.close();
  });

  function runner(
    db: Db,
    handlers: Record<string, JobHandler> = jobHandlers,
    tuning: Partial<JobRunnerTuning> = {},
  ): JobRunner {
    // Polls only when told to (drain), apart from the one at start.
    const made = startJobRunner(
      { services: { config, db, log, realtime }, handlers },
      { pollMs: 3_600_000, ...tuning },
    );
    started.push(made);
    return made;
  }

  /** A published event in Berlin with `count` occurrences starting `inMinutes` from now, an hour apart. */
  async function newEvent(count: number, inMinutes: number) {
    const [event] = await database.db
      .insert(events)
      .values({
        allianceId,
        title: `Reminder seminar ${crypto.randomUUID().slice(0, 6)}`,
        status: "published",
        timeZone: "Europe/Berlin",
        venueName: "Hall 2",
        venueRoom: "B-101",
        search: sql`''::tsvector`,
      })
      .returning({ id: events.id, title: events.title });
    const base = Date.now() + inMinutes * minute;
    const occurrences = await database.db
      .insert(eventOccurrences)
      .values(
        Array.from({ length: count }, (_, i) => {
          // Seconds dropped, as the form stores them; a distinct day each keeps the series key unique.
          const startsAt = new Date(Math.floor((base + i * 1000) / 1000) * 1000);
          return {
            eventId: event.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 90 * minute),
            originalStartsAt: new Date(startsAt.getTime() + i * 86_400_000),
          };
        }),
      )
      .returning({ id: eventOccurrences.id, startsAt: eventOccurrences.startsAt });
    const rows = occurrences.flatMap((occurrence) =>
      (
        [
          [people.english, "confirmed"],
          [people.noEmail, "confirmed"],
          [people.waitlisted, "waitlisted"],
          [people.remindersOff, "confirmed"],
          [people.dayOnly, "confirmed"],
        ] as const
      ).map(([person, status], i) => ({
        occurrenceId: occurrence.id,
        userId: person.id,
        status,
        code: `C${i}${crypto.randomBytes(3).toString("hex")}`,
      })),
    );
    await database.db.insert(eventRegistrations).values(rows);
    return { ...event, occurrences };
  }

  const plan = () => transact({ db: database.db, realtime }, (tx) => planReminders(tx, new Date()));

  const notificationsFor = (eventTitle: string) =>
    database.db
      .select({ userId: notifications.userId, data: notifications.data, href: notifications.href })
      .from(notifications)
      .where(and(eq(notifications.type, REMINDER_KIND), sql`${notifications.data}->>'event' = ${eventTitle}`))
      .orderBy(asc(notifications.id));

  const mailsFor = (eventTitle: string) =>
    database.db
      .select({ to: emailOutbox.to, subject: emailOutbox.subject, text: emailOutbox.text })
      .from(emailOutbox)
      .where(sql`${emailOutbox.subject} like ${`%${eventTitle}%`}`)
      .orderBy(asc(emailOutbox.id));

  const reminderJobs = (occurrenceIds: string[]) =>
    database.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.kind, REMINDER_KIND), inArray(sql`${jobs.payload}->>'occurrenceId'`, occurrenceIds)),
      );

  it("plans one reminder job per occurrence, offset and start, however often it plans", async () => {
    const event = await newEvent(2, 23 * 60);
    const ids = event.occurrences.map((o) => o.id);
    await plan();
    await plan();
    const planned = await reminderJobs(ids);
    // 23 hours ahead: the 24-hour reminder is long past and not planned; the 1-hour one is due in 22 hours.
    expect(planned.map((job) => job.key).sort()).toEqual(
      event.occurrences.map((o) => reminderKey(o.id, 60, o.startsAt)).sort(),
    );
    for (const job of planned) {
      const occurrence = event.occurrences.find(
        (o) => o.id === (job.payload as { occurrenceId: string }).occurrenceId,
      )!;
      expect(job.runAt.getTime()).toBe(occurrence.startsAt.getTime() - 60 * minute);
      expect(job.status).toBe("queued");
    }
    const dayAhead = await newEvent(1, 24 * 60 + 30);
    await plan();
    const both = await reminderJobs([dayAhead.occurrences[0].id]);
    expect(both.map((job) => (job.payload as { offset: number }).offset).sort()).toEqual([1440, 60]);
  });

  it("sends each reminder exactly once with two runners on two connections", async () => {
    const event = await newEvent(8, 59);
    const ids = event.occurrences.map((o) => o.id);
    await plan();
    expect(await reminderJobs(ids)).toHaveLength(8);

    // Each runner records the jobs it committed and holds its claim a moment, so the other one must
    // skip past it to find work: both take part.
    const ran = { first: [] as number[], second: [] as number[] };
    const recording = (name: keyof typeof ran): Record<string, JobHandler> => ({
      ...jobHandlers,
      [REMINDER_KIND]: async (context) => {
        await jobHandlers[REMINDER_KIND](context);
        await sleep(40);
        ran[name].push(context.job.id);
      },
    });
    const a = runner(database.db, recording("first"));
    const b = runner(second.db, recording("second"));
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);

    expect(ran.first.length).toBeGreaterThan(0);
    expect(ran.second.length).toBeGreaterThan(0);
    const all = [...ran.first, ...ran.second];
    expect(new Set(all).size).toBe(all.length);
    const done = await reminderJobs(ids);
    expect(done.every((job) => job.status === "done" && job.attempts === 1)).toBe(true);
    expect(all.sort()).toEqual(done.map((job) => job.id).sort());

    // Only confirmed registrants who want the 1-hour reminder: not the waitlisted, not those who turned it off.
    const sent = await notificationsFor(event.title);
    const perUser = new Map<string, number>();
    for (const row of sent) perUser.set(row.userId, (perUser.get(row.userId) ?? 0) + 1);
    expect(Object.fromEntries(perUser)).toEqual({ [people.english.id]: 8, [people.noEmail.id]: 8 });
    expect(sent[0].data).toEqual({ event: event.title, lead: "60" });
    expect(sent[0].href).toBe(`/events/${event.id}`);
    // Mail only for those who want it, once per occurrence.
    const mails = await mailsFor(event.title);
    expect(mails.map((mail) => mail.to)).toEqual(Array(8).fill(people.english.email));

    // Live: each notification told to its user's pages once.
    const live = emitted.filter(
      (activity) =>
        activity.type === "notification" &&
        (activity.payload as { type: string; data: { event: string } }).data.event === event.title,
    );
    expect(live).toHaveLength(16);
    expect(live.filter((activity) => activity.topic === userTopic(people.english.id))).toHaveLength(8);

    // Draining again finds nothing to do.
    await Promise.all([a.drain(), b.drain()]);
    expect(await notificationsFor(event.title)).toHaveLength(16);
  });

  it("words the reminder in the reader's language, with the time in the event's zone", async () => {
    const event = await newEvent(1, 59);
    await plan();
    await runner(database.db).drain();
    const [mail] = await mailsFor(event.title);
    const occurrence = event.occurrences[0];
    const endsAt = new Date(occurrence.startsAt.getTime() + 90 * minute);
    const when = formatRangeInZone(occurrence.startsAt, endsAt, { locale: "en", timeZone: "Europe/Berlin" });
    expect(mail.subject).toBe(`Reminder: ${event.title}`);
    expect(mail.text.split("\n")).toEqual([
      `The event you registered for, "${event.title}", starts in 1 hour.`,
      "",
      `When: ${when} (Europe/Berlin)`,
      "Where: Hall 2, B-101",
      `Event page: https://qilian.example.org/events/${event.id}`,
      "",
      "Change or turn off event reminders: https://qilian.example.org/settings#settings-reminders",
    ]);
    const [notification] = await notificationsFor(event.title);
    const data = notification.data;
    expect(describeNotification(translator("en"), "en", { type: REMINDER_KIND, data }).sentence).toBe(
      `Reminder: "${event.title}", which you registered for, starts in 1 hour.`,
    );
    expect(describeNotification(translator("zh-CN"), "zh-CN", { type: REMINDER_KIND, data }).sentence).toBe(
      `您报名的活动「${event.title}」将在1 小时后开始。`,
    );
  });

  it("does nothing for an occurrence that moved, was cancelled, or whose moment has passed", async () => {
    const moved = await newEvent(1, 59);
    const cancelled = await newEvent(1, 59);
    await plan();
    const movedTo = new Date(moved.occurrences[0].startsAt.getTime() + 30 * minute);
    await database.db
      .update(eventOccurrences)
      .set({ startsAt: movedTo, endsAt: new Date(movedTo.getTime() + 90 * minute) })
      .where(eq(eventOccurrences.id, moved.occurrences[0].id));
    await database.db
      .update(eventOccurrences)
      .set({ status: "cancelled" })
      .where(eq(eventOccurrences.id, cancelled.occurrences[0].id));
    // A reminder whose moment passed ten minutes ago (a server that was down).
    const late = await newEvent(1, 50);
    const lateStart = late.occurrences[0].startsAt;
    await enqueueJob(database.db, {
      kind: REMINDER_KIND,
      key: reminderKey(late.occurrences[0].id, 60, lateStart),
      runAt: new Date(lateStart.getTime() - 60 * minute),
      payload: { occurrenceId: late.occurrences[0].id, offset: 60, startsAt: lateStart.toISOString() },
    });
    await runner(database.db).drain();

    const ids = [moved, cancelled, late].map((event) => event.occurrences[0].id);
    const finished = await reminderJobs(ids);
    expect(finished).toHaveLength(3);
    expect(finished.every((job) => job.status === "done")).toBe(true);
    for (const event of [moved, cancelled, late]) expect(await notificationsFor(event.title)).toEqual([]);
    expect(await mailsFor(moved.title)).toEqual([]);

    // Planning again gives the moved occurrence a job for its new time (due in 29 minutes, not yet run).
    await plan();
    const again = await reminderJobs([moved.occurrences[0].id]);
    expect(again.map((job) => [job.key, job.status]).sort()).toEqual(
      [
        [reminderKey(moved.occurrences[0].id, 60, moved.occurrences[0].startsAt), "done"],
        [reminderKey(moved.occurrences[0].id, 60, movedTo), "queued"],
      ].sort(),
    );
  });

  it("retries a failing job after a growing wait, keeping none of a failed attempt's writes", async () => {
    const { id: userId } = people.english;
    let calls = 0;
    const flaky: JobHandler = async ({ tx, publish }) => {
      calls += 1;
      await notifyAll(tx, publish, [{ userId, type: "test.flaky", data: { call: calls } }]);
      if (calls < 3) throw new Error(`flaky failure ${calls}`);
    };
    const key = crypto.randomUUID();
    await enqueueJob(database.db, { kind: "test.flaky", key });
    const before = Date.now();
    const queue = runner(database.db, { "test.flaky": flaky }, { backoffMs: 60_000 });
    await queue.drain();
    const job = async () => (await database.db.select().from(jobs).where(eq(jobs.key, key)))[0];

    let row = await job();
    expect(calls).toBe(1);
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "Error: flaky failure 1" });
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(row.runAt.getTime()).toBeLessThan(Date.now() + 60_000 + 1000);

    // Not due yet: a drain leaves it alone.
    await queue.drain();
    expect(calls).toBe(1);

    await database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.key, key));
    const afterFirst = Date.now();
    await queue.drain();
    row = await job();
    expect(row).toMatchObject({ status: "queued", attempts: 2, lastError: "Error: flaky failure 2" });
    // The second wait is twice the first.
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(afterFirst + 120_000);

    await database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.key, key));
    await queue.drain();
    row = await job();
    expect(row).toMatchObject({ status: "done", attempts: 3, lastError: null });
    expect(row.finishedAt).toBeInstanceOf(Date);

    const written = await database.db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.type, "test.flaky")));
    expect(written).toEqual([{ data: { call: 3 } }]);
    const live = emitted.filter((activity) => (activity.payload as { type?: string }).type === "test.flaky");
    expect(live.map((activity) => (activity.payload as { data: unknown }).data)).toEqual([{ call: 3 }]);
  });

  it("gives a job up after the last attempt, and leaves kinds it has no handler for", async () => {
    const failing = crypto.randomUUID();
    const foreign = crypto.randomUUID();
    await enqueueJob(database.db, { kind: "test.failing", key: failing });
    await enqueueJob(database.db, { kind: "test.foreign", key: foreign });
    const handlers = {
      "test.failing": async () => {
        throw new Error("always");
      },
    };
    await runner(database.db, handlers, { backoffMs: 0, maxAttempts: 3 }).drain();
    const rows = await database.db
      .select()
      .from(jobs)
      .where(inArray(jobs.key, [failing, foreign]));
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get(failing)).toMatchObject({ status: "failed", attempts: 3, lastError: "Error: always" });
    expect(byKey.get(foreign)).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("enqueues a recurring job once per period across runners, and stops polling when stopped", async () => {
    let ticks = 0;
    const handlers: Record<string, JobHandler> = {
      "test.tick": async () => {
        ticks += 1;
      },
    };
    const recurring = [{ kind: "test.tick", everyMs: 3_600_000 }];
    const make = (db: Db) => {
      const r = startJobRunner(
        { services: { config, db, log, realtime }, handlers, recurring },
        { pollMs: 10 },
      );
      started.push(r);
      return r;
    };
    const a = make(database.db);
    const b = make(second.db);
    await Promise.all([a.drain(), b.drain()]);
    await sleep(100);
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, "test.tick"));
    expect(rows).toHaveLength(1);
    expect(rows[0].key).toBe(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString());
    expect(ticks).toBe(1);

    // Polling every 10 ms: once stopped, nothing more runs, and stopping takes no time.
    const stopping = Date.now();
    await Promise.all([a.stop(), b.stop()]);
    expect(Date.now() - stopping).toBeLessThan(500);
    await database.db
      .update(jobs)
      .set({ status: "queued", runAt: new Date() })
      .where(eq(jobs.kind, "test.tick"));
    await sleep(100);
    expect(ticks).toBe(1);
  });

  describe("in the server", () => {
    const server = useTestServer({ BACKGROUND_JOBS: "true" });

    it("runs the reminder planner every minute", async () => {
      // The runner's first poll, at start, enqueues and runs this minute's planner.
      const deadline = Date.now() + 10_000;
      let planned: { status: string }[] = [];
      while (Date.now() < deadline) {
        planned = await database.db
          .select({ status: jobs.status })
          .from(jobs)
          .where(and(eq(jobs.kind, PLAN_KIND), eq(jobs.status, "done")));
        if (planned.length > 0) break;
        await sleep(100);
      }
      expect(planned.length).toBeGreaterThan(0);
      expect(server.url).toMatch(/^http:/);
    });
  });
});
