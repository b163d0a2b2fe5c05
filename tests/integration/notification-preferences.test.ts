import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allianceNotificationLevels,
  emailOutbox,
  jobs,
  notificationDigests,
  notificationPreferences,
  notifications,
  users,
} from "../../db/schema/index";
import { describeNotification } from "~/components/notifications/notification-text";
import { translator } from "~/i18n/translate";
import { transact } from "~/models/activity.server";
import { NOTIFICATION_EMAIL_KIND } from "~/models/notification-email.server";
import { channelLevels } from "~/models/notification-preferences.server";
import { notifyAll, type NotificationInput } from "~/models/notifications.server";
import { userTopic } from "~/realtime/topics";
import type { LiveActivity, Realtime } from "~/realtime/types";
import { jobHandlers } from "~/server/job-registry.server";
import { startJobRunner } from "~/server/job-runner.server";
import { connectDatabase, type Database } from "~/utils/db.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** Per-type delivery (app, email, off) and per-alliance levels, as every notify() applies them; the settings page. */
describe("notification preferences", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const counter = useQueryCounter();
  let counted: Database;
  const emitted: LiveActivity[] = [];
  const realtime: Realtime = {
    emit: (activities) => emitted.push(...activities),
    disconnectSession() {},
    disconnectUser() {},
    leaveRooms() {},
  };
  const config = loadConfig({
    NODE_ENV: "production",
    PUBLIC_URL: "https://qilian.example.org",
    SEED_DEMO: "false",
    DATABASE_URL: process.env.TEST_DATABASE_URL,
  });

  beforeAll(async () => {
    counted = connectDatabase(counter.url, { max: 1 });
    // postgres.js reads the server's types on a new connection: not part of what is counted.
    await counted.db.execute(sql`select 1`);
  });
  afterAll(async () => {
    await counted?.close();
  });

  const alliance = { allianceNameZh: "天津市机器人产业联盟", allianceNameEn: "Tianjin Robotics Alliance" };

  async function person(locale: "zh-CN" | "en" = "zh-CN") {
    const { user } = await createUser(database.db, { locale });
    return user;
  }

  async function prefer(userId: string, type: string, delivery: "in_app" | "email" | "off") {
    await database.db
      .insert(notificationPreferences)
      .values({ userId, type, delivery })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { delivery },
      });
  }

  const send = (inputs: NotificationInput[]) =>
    transact({ db: database.db, realtime }, (tx, publish) => notifyAll(tx, publish, inputs));

  const stored = async (userId: string) =>
    (
      await database.db
        .select({ type: notifications.type, data: notifications.data })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(notifications.id)
    ).map((row) => `${row.type}:${String(row.data.allianceId ?? "")}`);
  const told = (userId: string) =>
    emitted.filter((a) => a.topic === userTopic(userId) && a.type === "notification").length;

  it("stores and tells nothing of a type turned off, and only that type", async () => {
    const reader = await person();
    await prefer(reader.id, "problem", "off");
    await send([
      { userId: reader.id, type: "problem.replied", data: { actor: "甲", problem: "难题" } },
      { userId: reader.id, type: "problem.endorsed", data: { actor: "乙", problem: "难题" } },
      { userId: reader.id, type: "membership.approved", data: alliance },
      // A moderator's decision is told whatever the preferences say.
      { userId: reader.id, type: "problem.hidden", data: { problem: "难题" } },
    ]);
    expect(await stored(reader.id)).toEqual(["membership.approved:", "problem.hidden:"]);
    expect(told(reader.id)).toBe(2);

    await prefer(reader.id, "membership", "off");
    await send([{ userId: reader.id, type: "membership.approved", data: alliance }]);
    expect(await stored(reader.id)).toHaveLength(2);
    expect(told(reader.id)).toBe(2);
  });

  it("mails an email-delivered notification through the outbox in the reader's language, once", async () => {
    const english = await person("en");
    const chinese = await person("zh-CN");
    const inApp = await person();
    for (const who of [english, chinese]) await prefer(who.id, "membership", "email");
    await send(
      [english, chinese, inApp].map((who) => ({
        userId: who.id,
        type: "membership.approved",
        data: alliance,
        href: "/alliances/robotics",
      })),
    );
    // Everyone still sees it in the app.
    for (const who of [english, chinese, inApp])
      expect(await stored(who.id)).toEqual(["membership.approved:"]);
    const queued = await database.db
      .select({ key: jobs.key })
      .from(jobs)
      .where(eq(jobs.kind, NOTIFICATION_EMAIL_KIND));
    const ids = (
      await database.db
        .select({ id: notifications.id, userId: notifications.userId })
        .from(notifications)
        .where(inArray(notifications.userId, [english.id, chinese.id, inApp.id]))
    ).filter((row) => row.userId !== inApp.id);
    expect(queued.map((job) => job.key)).toEqual(expect.arrayContaining(ids.map((row) => String(row.id))));

    const runner = startJobRunner(
      {
        services: { config, db: database.db, log: createLogger("silent"), realtime },
        handlers: { [NOTIFICATION_EMAIL_KIND]: jobHandlers[NOTIFICATION_EMAIL_KIND] },
      },
      { pollMs: 3_600_000 },
    );
    try {
      await runner.drain();
      await runner.drain();
    } finally {
      await runner.stop();
    }
    const mails = await database.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.to, [english.email, chinese.email, inApp.email]));
    expect(mails.map((mail) => mail.to).sort()).toEqual([english.email, chinese.email].sort());
    const mailTo = (email: string) => mails.find((mail) => mail.to === email)!;
    expect(mailTo(english.email).subject).toBe(
      "Qilian: Your request to join Tianjin Robotics Alliance was approved.",
    );
    expect(mailTo(english.email).text).toContain("https://qilian.example.org/alliances/robotics");
    expect(mailTo(english.email).text).toContain("https://qilian.example.org/settings/notifications");
    expect(mailTo(chinese.email).subject).toBe("启联通知：您加入「天津市机器人产业联盟」的申请已获批准。");
  });

  it("silences an alliance's channels at level none, for that alliance only; mentions level drops new messages", async () => {
    const quiet = await person();
    const loud = await person();
    const [muted, other] = [await createAlliance(database.db), await createAlliance(database.db)];
    await database.db.insert(allianceNotificationLevels).values([
      { userId: quiet.id, allianceId: muted.id, level: "none" },
      { userId: loud.id, allianceId: other.id, level: "all" },
    ]);
    const channel = (userId: string, type: string, allianceId: string): NotificationInput => ({
      userId,
      type,
      data: { allianceId, ...alliance, channel: "general", actor: "甲" },
    });
    await send([
      channel(quiet.id, "channel.mention", muted.id),
      channel(quiet.id, "channel.reply", muted.id),
      channel(quiet.id, "channel.mention", other.id),
      channel(quiet.id, "channel.message", other.id),
      channel(loud.id, "channel.message", other.id),
      channel(loud.id, "channel.message", muted.id),
      // Not a channel notification: levels do not touch it even though it names the alliance.
      { userId: quiet.id, type: "membership.approved", data: { allianceId: muted.id, ...alliance } },
      // A moderator hid the reader's own message: told whatever the level.
      channel(quiet.id, "channel.message_hidden", muted.id),
    ]);
    expect(await stored(quiet.id)).toEqual([
      `channel.mention:${other.id}`,
      `membership.approved:${muted.id}`,
      `channel.message_hidden:${muted.id}`,
    ]);
    expect(await stored(loud.id)).toEqual([`channel.message:${other.id}`]);

    const levels = await channelLevels(database.db, [quiet.id, loud.id], muted.id);
    expect(Object.fromEntries(levels)).toEqual({ [quiet.id]: "none", [loud.id]: "mentions" });
  });

  it("reads every recipient's preferences in one query, and none when no preference applies", async () => {
    const readers = await Promise.all(Array.from({ length: 30 }, () => person()));
    await prefer(readers[0].id, "problem", "off");
    await prefer(readers[1].id, "problem", "email");
    const { id: allianceId } = await createAlliance(database.db);
    const inputs = readers.flatMap((who) => [
      { userId: who.id, type: "problem.replied", data: { actor: "甲", problem: "难题" } },
      { userId: who.id, type: "channel.mention", data: { allianceId, ...alliance } },
    ]);
    const publish = () => {};
    // The preferences and levels, the notifications, the mail job: three statements for 60 notifications.
    expect(await counter.count(() => notifyAll(counted.db, publish, inputs))).toBe(3);
    // No preference group, no channel: nothing to ask.
    expect(
      await counter.count(() =>
        notifyAll(counted.db, publish, [{ userId: readers[2].id, type: "problem.hidden", data: {} }]),
      ),
    ).toBe(1);
  });

  it("leaves reminders to their own settings: never mailed twice by a preference", async () => {
    const reader = await person();
    await prefer(reader.id, "event", "email");
    await send([{ userId: reader.id, type: "event.reminder", data: { event: "研讨会", lead: "60" } }]);
    expect(await stored(reader.id)).toEqual(["event.reminder:"]);
    const [row] = await database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, reader.id));
    const mailJobs = await database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, NOTIFICATION_EMAIL_KIND), eq(jobs.key, String(row.id))));
    expect(mailJobs).toEqual([]);
  });

  it("words the channel types in both languages (the bell and the list show them)", () => {
    const data = {
      ...alliance,
      allianceId: crypto.randomUUID(),
      channel: "general",
      actor: "王工",
      inviter: "李工",
      excerpt: "齿轮箱的噪声问题",
    };
    for (const locale of ["zh-CN", "en"] as const) {
      const t = translator(locale);
      const generic = t("notification.type.generic");
      for (const type of [
        "channel.mention",
        "channel.reply",
        "channel.message",
        "channel.invited",
        "channel.message_hidden",
      ]) {
        const { sentence } = describeNotification(t, locale, { type, data });
        expect(sentence, `${type} in ${locale}`).not.toBe(generic);
        expect(sentence).toContain("general");
      }
    }
  });

  describe("settings page", () => {
    let userId: string;
    let cookie: string;
    let member: { id: string; nameZh: string };
    let stranger: { id: string };

    beforeAll(async () => {
      const user = await person();
      userId = user.id;
      cookie = (await signIn(server.services, userId)).cookie;
      member = await createAlliance(database.db, { nameZh: `频道联盟${crypto.randomUUID().slice(0, 6)}` });
      stranger = await createAlliance(database.db);
      await addMember(database.db, { allianceId: member.id, userId });
    });

    const page = async (path = "/settings/notifications") => {
      const res = await server.fetch(path, { headers: { cookie } });
      expect(res.status).toBe(200);
      return res.text();
    };
    /** The selected option of the select named `name`. */
    const selected = (html: string, name: string) => {
      const select = html.match(
        new RegExp(`<select[^>]*name="${name.replace(/[[\]]/g, "\\$&")}"[^>]*>(.*?)</select>`, "s"),
      );
      expect(select, `no select ${name}`).not.toBeNull();
      return select![1].match(/<option[^>]*value="([^"]*)"[^>]*selected[^>]*>/)?.[1];
    };
    const ticked = (html: string, name: string) =>
      /\schecked(=""|\s|>|\/)/.test(html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? "");

    const form = {
      channelMention: "email",
      channelReply: "in_app",
      channelMessage: "off",
      problem: "email",
      membership: "in_app",
      event: "off",
      eventReminder: "off",
      resource: "email",
    };

    it("is linked from the settings page and shows the defaults", async () => {
      const settings = await server.fetch("/settings", { headers: { cookie } });
      expect(await settings.text()).toContain('href="/settings/notifications"');
      const html = await page();
      for (const name of Object.keys(form))
        expect(selected(html, name)).toBe(name === "eventReminder" ? "email" : "in_app");
      expect(html).toContain(member.nameZh);
      expect(selected(html, "alliances[0].level")).toBe("mentions");
      expect(ticked(html, "digest")).toBe(false);
    });

    it("saves deliveries, reminders, levels of the user's alliances only, and the digest", async () => {
      const res = await server.fetch(
        "/settings/notifications",
        post(
          {
            ...form,
            "alliances[0].id": member.id,
            "alliances[0].level": "none",
            "alliances[1].id": stranger.id,
            "alliances[1].level": "all",
            digest: "on",
          },
          { cookie },
        ),
      );
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/settings/notifications?done=1");
      const prefs = await database.db
        .select({ type: notificationPreferences.type, delivery: notificationPreferences.delivery })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      expect(Object.fromEntries(prefs.map((row) => [row.type, row.delivery]))).toEqual({
        "channel.mention": "email",
        "channel.reply": "in_app",
        "channel.message": "off",
        problem: "email",
        membership: "in_app",
        event: "off",
        resource: "email",
      });
      const [reminders] = await database.db
        .select({ minutes: users.eventReminderMinutes })
        .from(users)
        .where(eq(users.id, userId));
      expect(reminders.minutes).toEqual([]);
      const levels = await database.db
        .select({
          allianceId: allianceNotificationLevels.allianceId,
          level: allianceNotificationLevels.level,
        })
        .from(allianceNotificationLevels)
        .where(eq(allianceNotificationLevels.userId, userId));
      expect(levels).toEqual([{ allianceId: member.id, level: "none" }]);
      const [digest] = await database.db
        .select({ enabled: notificationDigests.enabled })
        .from(notificationDigests)
        .where(eq(notificationDigests.userId, userId));
      expect(digest.enabled).toBe(true);

      const html = await page("/settings/notifications?done=1");
      expect(html).toContain("通知设置已保存。");
      for (const [name, value] of Object.entries(form)) expect(selected(html, name)).toBe(value);
      expect(selected(html, "alliances[0].level")).toBe("none");
      expect(ticked(html, "digest")).toBe(true);

      // Reminders back on: both offsets return, by email.
      await server.fetch("/settings/notifications", post({ ...form, eventReminder: "email" }, { cookie }));
      const [after] = await database.db
        .select({ minutes: users.eventReminderMinutes, email: users.eventReminderEmail })
        .from(users)
        .where(eq(users.id, userId));
      expect(after).toEqual({ minutes: [1440, 60], email: true });
    });

    it("answers bad input with 400, every typed value kept and nothing stored", async () => {
      const before = await database.db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      const res = await server.fetch(
        "/settings/notifications",
        post(
          {
            ...form,
            channelMention: "loudly",
            problem: "off",
            "alliances[0].id": member.id,
            "alliances[0].level": "all",
            digest: "on",
          },
          { cookie },
        ),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain("请选择一种接收方式。");
      expect(selected(html, "problem")).toBe("off");
      expect(selected(html, "event")).toBe("off");
      expect(selected(html, "alliances[0].level")).toBe("all");
      expect(ticked(html, "digest")).toBe(true);
      expect(
        await database.db
          .select()
          .from(notificationPreferences)
          .where(eq(notificationPreferences.userId, userId)),
      ).toEqual(before);
    });

    it("sends visitors to log in", async () => {
      const res = await server.fetch("/settings/notifications");
      expect([302, 303]).toContain(res.status);
      expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    });
  });
});
