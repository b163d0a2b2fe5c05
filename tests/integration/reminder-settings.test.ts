import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** The settings page's reminder preferences: 24 h and 1 h on or off, and email on or off. */
describe("reminder settings", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let userId: string;
  let cookie: string;

  beforeAll(async () => {
    const { user } = await createUser(database.db);
    userId = user.id;
    cookie = (await signIn(server.services, user.id)).cookie;
  });

  const page = async () => {
    const res = await server.fetch("/settings", { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  };
  /** Whether the page's checkbox named `name` is ticked. */
  const ticked = (html: string, name: string) => {
    const input = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
    expect(input, `no checkbox ${name}`).toBeDefined();
    return /\schecked(=""|\s|>|\/)/.test(input!);
  };
  const stored = async () =>
    (
      await database.db
        .select({ minutes: users.eventReminderMinutes, email: users.eventReminderEmail })
        .from(users)
        .where(eq(users.id, userId))
    )[0];

  it("shows both reminders and email on by default", async () => {
    const html = await page();
    expect(html).toContain("活动提醒");
    expect(["dayBefore", "hourBefore", "email"].map((name) => ticked(html, name))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("saves the choices and shows them again", async () => {
    const res = await server.fetch("/settings", post({ intent: "reminders", hourBefore: "on" }, { cookie }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/settings?done=reminders");
    expect(await stored()).toEqual({ minutes: [60], email: false });
    const html = await page();
    expect(["dayBefore", "hourBefore", "email"].map((name) => ticked(html, name))).toEqual([
      false,
      true,
      false,
    ]);

    await server.fetch("/settings", post({ intent: "reminders", dayBefore: "on", email: "on" }, { cookie }));
    expect(await stored()).toEqual({ minutes: [1440], email: true });
    await server.fetch("/settings", post({ intent: "reminders" }, { cookie }));
    expect(await stored()).toEqual({ minutes: [], email: false });
  });

  it("refuses a value that is not a checkbox's, keeping what was stored", async () => {
    const before = await stored();
    const res = await server.fetch(
      "/settings",
      post({ intent: "reminders", dayBefore: "maybe", hourBefore: "on" }, { cookie }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("请勾选或取消勾选此项。");
    expect(await stored()).toEqual(before);
  });

  it("sends anonymous visitors to log in", async () => {
    const res = await server.fetch("/settings", post({ intent: "reminders", dayBefore: "on" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });
});
