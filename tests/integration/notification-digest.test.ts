import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, jobs, notificationDigests, notifications } from "../../db/schema/index";
import { DIGEST_KIND, nextDigestAt, planDigests } from "~/models/notification-digest.server";
import type { Realtime } from "~/realtime/types";
import { jobHandlers } from "~/server/job-registry.server";
import { startJobRunner } from "~/server/job-runner.server";
import { connectDatabase, type Database, type Db } from "~/utils/db.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";

const DAY = 86_400_000;

/** The daily digest: planned once per user and day, sent once by whichever runner claims it, only with news. */
describe("daily notification digest", () => {
  const database = useTestDatabase();
  let second: Database;
  const realtime: Realtime = { emit() {}, disconnectSession() {}, disconnectUser() {}, leaveRooms() {} };
  const config = loadConfig({
    NODE_ENV: "production",
    PUBLIC_URL: "https://qilian.example.org",
    SEED_DEMO: "false",
    DATABASE_URL: process.env.TEST_DATABASE_URL,
  });

  beforeAll(() => {
    // A second pool stands for a second server process with its own runner.
    second = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 2 });
  });
  afterAll(async () => {
    await second?.close();
  });

  const runner = (db: Db) =>
    startJobRunner(
      {
        services: { config, db, log: createLogger("silent"), realtime },
        handlers: { [DIGEST_KIND]: jobHandlers[DIGEST_KIND] },
      },
      { pollMs: 3_600_000 },
    );

  /** Both runners drain at once, as two processes polling the same table would. */
  async function runBoth() {
    const runners = [runner(database.db), runner(second.db)];
    try {
      await Promise.all(runners.map((r) => r.drain()));
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
  }

  async function reader(locale: "zh-CN" | "en", enabled: boolean | null) {
    const { user } = await createUser(database.db, { locale });
    if (enabled !== null) await database.db.insert(notificationDigests).values({ userId: user.id, enabled });
    return user;
  }

  const mailsTo = (emails: string[]) =>
    database.db.select().from(emailOutbox).where(inArray(emailOutbox.to, emails));

  it("is due at 08:00 in Beijing, today's until then and tomorrow's after", () => {
    expect(nextDigestAt(new Date("2024-05-01T23:00:00Z"))).toEqual({
      day: "2024-05-02",
      at: new Date("2024-05-02T00:00:00Z"),
    });
    expect(nextDigestAt(new Date("2024-05-02T00:00:00Z")).day).toBe("2024-05-02");
    expect(nextDigestAt(new Date("2024-05-02T00:30:00Z"))).toEqual({
      day: "2024-05-03",
      at: new Date("2024-05-03T00:00:00Z"),
    });
    // 23:30 in Beijing is still that day there, but its 08:00 has passed.
    expect(nextDigestAt(new Date("2024-05-02T15:30:00Z")).day).toBe("2024-05-03");
  });

  it("plans one job per user and day however often and wherever planning runs", async () => {
    const wants = await reader("zh-CN", true);
    const declined = await reader("zh-CN", false);
    const never = await reader("zh-CN", null);
    const at = new Date("2030-01-10T03:00:00Z");
    await Promise.all([planDigests(database.db, at), planDigests(second.db, at)]);
    await planDigests(database.db, new Date(at.getTime() + 3_600_000));
    const planned = await database.db
      .select({ key: jobs.key, runAt: jobs.runAt, payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.kind, DIGEST_KIND));
    const keys = planned.map((job) => job.key);
    expect(keys.filter((key) => key.startsWith(`${wants.id}/`))).toEqual([`${wants.id}/2030-01-11`]);
    expect(keys.some((key) => key.startsWith(declined.id) || key.startsWith(never.id))).toBe(false);
    expect(planned.find((job) => job.key === `${wants.id}/2030-01-11`)).toMatchObject({
      runAt: new Date("2030-01-11T00:00:00Z"),
      payload: { userId: wants.id, day: "2030-01-11" },
    });
  });

  it("sends one mail with the unread notifications, in the reader's language, even with two runners", async () => {
    const english = await reader("en", true);
    const idle = await reader("zh-CN", true);
    const off = await reader("zh-CN", true);
    const [readAlready] = await database.db
      .insert(notifications)
      .values([
        {
          userId: english.id,
          type: "problem.replied",
          data: { actor: "Li", problem: "Gear noise" },
          href: "/problems/x",
          readAt: new Date(),
        },
        { userId: english.id, type: "problem.replied", data: { actor: "Wang", problem: "Bearing wear" } },
        {
          userId: english.id,
          type: "membership.approved",
          data: { allianceNameZh: "机器人联盟", allianceNameEn: "Robotics Alliance" },
          href: "/alliances/robotics",
        },
        { userId: off.id, type: "problem.replied", data: { actor: "Wang", problem: "Bearing wear" } },
      ])
      .returning({ id: notifications.id });
    expect(readAlready).toBeDefined();
    // Planned for a morning already past, so the jobs are due now.
    await planDigests(database.db, new Date(Date.now() - 2 * DAY));
    // Turned off after planning: its job finds out and sends nothing.
    await database.db
      .update(notificationDigests)
      .set({ enabled: false })
      .where(eq(notificationDigests.userId, off.id));
    await runBoth();

    const mails = await mailsTo([english.email, idle.email, off.email]);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toBe(english.email);
    expect(mail.subject).toBe("Qilian daily digest: 2 unread");
    expect(mail.text).toContain('Wang replied to your problem "Bearing wear".');
    expect(mail.text).toContain("Your request to join Robotics Alliance was approved.");
    expect(mail.text).not.toContain("Gear noise");
    expect(mail.text).toContain("https://qilian.example.org/alliances/robotics");
    expect(mail.text).toContain("https://qilian.example.org/settings/notifications");
    const done = await database.db
      .select({ status: jobs.status, attempts: jobs.attempts })
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, DIGEST_KIND),
          inArray(sql`${jobs.payload}->>'userId'`, [english.id, idle.id, off.id]),
        ),
      );
    expect(done).toEqual([
      { status: "done", attempts: 1 },
      { status: "done", attempts: 1 },
      { status: "done", attempts: 1 },
    ]);

    // The next day's digest: nothing arrived since, so nothing is sent.
    await planDigests(database.db, new Date(Date.now() - DAY));
    await runBoth();
    expect(await mailsTo([english.email, idle.email, off.email])).toHaveLength(1);

    // Something new arrives: the day after that lists only it.
    await database.db.insert(notifications).values({
      userId: english.id,
      type: "problem.endorsed",
      data: { actor: "Zhao", problem: "Seal leaks" },
    });
    await planDigests(database.db, new Date());
    await database.db
      .update(jobs)
      .set({ runAt: new Date() })
      .where(and(eq(jobs.kind, DIGEST_KIND), eq(jobs.status, "queued")));
    await runBoth();
    const after = await mailsTo([english.email]);
    expect(after).toHaveLength(2);
    const latest = after.find((m) => m.id !== mail.id)!;
    expect(latest.subject).toBe("Qilian daily digest: 1 unread");
    expect(latest.text).toContain("Seal leaks");
    expect(latest.text).not.toContain("Bearing wear");
  });
});
