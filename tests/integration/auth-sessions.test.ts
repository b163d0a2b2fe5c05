import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema/index";
import { client, connect, disconnection, settle } from "../setup/live";
import { useTestServer } from "../setup/server";
import { fieldErrors, logIn, post, setCookie, signUp } from "./auth-helpers";

const idOf = (cookie: string) => cookie.split("=")[1];
const english = { "accept-language": "en" };

describe("sessions", () => {
  const server = useTestServer();
  const db = () => server.services.db;
  const sessionIds = async (email: string) => {
    const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    return (await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id))).map(
      (s) => s.id,
    );
  };
  /** A live connection as the browser holding `cookie` opens it. */
  const socketOf = async (cookie: string) => {
    const socket = await connect(client(server.url, { cookie }));
    const ended: string[] = [];
    socket.on("disconnect", (reason) => ended.push(reason));
    return { socket, ended };
  };

  it("logs out only on POST: ends the session, closes its sockets and clears the cookie", async () => {
    const account = await signUp(server);
    const tab = await socketOf(account.cookie);

    const confirm = await server.fetch("/logout", { headers: { cookie: account.cookie } });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toMatch(/<form[^>]*method="post"/);
    expect(await sessionIds(account.email)).toEqual([idOf(account.cookie)]);

    await settle();
    expect(tab.ended).toEqual([]);

    const closed = disconnection(tab.socket);
    const res = await server.fetch("/logout", { method: "POST", headers: { cookie: account.cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(setCookie(res, "qilian_session")).toMatch(/^qilian_session=;.*Max-Age=0/i);
    expect(await sessionIds(account.email)).toEqual([]);
    expect(await closed).toBe("io server disconnect");
    tab.socket.close();

    const after = await server.fetch("/settings", { headers: { cookie: account.cookie } });
    expect(after.status).toBe(302);
  });

  it("refuses a log-out posted from a foreign origin", async () => {
    const account = await signUp(server);
    const res = await server.fetch("/logout", {
      method: "POST",
      headers: { cookie: account.cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await sessionIds(account.email)).toHaveLength(1);
  });

  it("changes the password, ending every other session and its sockets", async () => {
    const account = await signUp(server);
    const other = await logIn(server, account.email, account.password);
    const [mine, theirs] = [await socketOf(account.cookie), await socketOf(other)];

    const change = (fields: Record<string, string>) =>
      server.fetch(
        "/settings",
        post({ intent: "password", ...fields }, { cookie: account.cookie, ...english }),
      );

    const wrong = await change({
      currentPassword: "not it",
      newPassword: "a new secret",
      confirmPassword: "a new secret",
    });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(fieldErrors(wrongHtml, "password", "currentPassword")).toBe(
      "The current password is not correct.",
    );
    expect(wrongHtml).not.toContain("a new secret");

    const mismatch = await change({
      currentPassword: account.password,
      newPassword: "a new secret",
      confirmPassword: "another",
    });
    expect(mismatch.status).toBe(400);
    expect(fieldErrors(await mismatch.text(), "password", "confirmPassword")).toBe(
      "The two new passwords do not match.",
    );

    const tooShort = await change({
      currentPassword: account.password,
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(tooShort.status).toBe(400);
    expect(await sessionIds(account.email)).toHaveLength(2);

    const ok = await change({
      currentPassword: account.password,
      newPassword: "a new secret",
      confirmPassword: "a new secret",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/settings?done=password");
    expect(await sessionIds(account.email)).toEqual([idOf(account.cookie)]);
    expect((await server.fetch("/settings", { headers: { cookie: other } })).status).toBe(302);
    await settle();
    expect(theirs.ended).toEqual(["io server disconnect"]);
    expect(mine.ended).toEqual([]);
    mine.socket.close();
    theirs.socket.close();

    const page = await server.fetch("/settings?done=password", {
      headers: { cookie: account.cookie, ...english },
    });
    expect(await page.text()).toContain("Your password has been changed");
    expect(
      (await server.fetch("/login", post({ email: account.email, password: account.password }))).status,
    ).toBe(400);
    await logIn(server, account.email, "a new secret");
  });

  it("counts the other sessions and logs them out", async () => {
    const account = await signUp(server);
    const others = [
      await logIn(server, account.email, account.password),
      await logIn(server, account.email, account.password),
    ];
    const mine = await socketOf(account.cookie);
    const theirs = await Promise.all(others.map(socketOf));

    const page = await server.fetch("/settings", { headers: { cookie: account.cookie, ...english } });
    expect(await page.text()).toContain("Other active sessions besides this device: 2.");

    const res = await server.fetch("/settings", post({ intent: "sessions" }, { cookie: account.cookie }));
    expect(res.status).toBe(303);
    expect(await sessionIds(account.email)).toEqual([idOf(account.cookie)]);
    await settle();
    expect(theirs.map((tab) => tab.ended)).toEqual([["io server disconnect"], ["io server disconnect"]]);
    expect(mine.ended).toEqual([]);
    for (const tab of [mine, ...theirs]) tab.socket.close();

    const after = await server.fetch("/settings?done=sessions", {
      headers: { cookie: account.cookie, ...english },
    });
    const html = await after.text();
    expect(html).toContain("No other active sessions besides this device.");
    expect(html).toContain("Every other session has been logged out.");
  });

  it("saves the display name and preferred language, and switches the device's language", async () => {
    const account = await signUp(server);
    const save = (fields: Record<string, string>) =>
      server.fetch("/settings", post({ intent: "profile", ...fields }, { cookie: account.cookie }));

    const bad = await save({ displayName: " ", locale: "fr" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(fieldErrors(badHtml, "profile", "displayName")).toBe("请填写显示名称。");
    expect(fieldErrors(badHtml, "profile", "locale")).toBe("请选择一种语言。");

    const res = await save({ displayName: "Grace Hopper", locale: "en" });
    expect(res.status).toBe(303);
    expect(setCookie(res, "qilian_lang")).toMatch(/^qilian_lang=en;/);
    const [user] = await db().select().from(users).where(eq(users.email, account.email));
    expect(user).toMatchObject({ displayName: "Grace Hopper", locale: "en" });

    const page = await server.fetch("/settings?done=profile", {
      headers: { cookie: `${account.cookie}; qilian_lang=en` },
    });
    const html = await page.text();
    expect(html).toContain("<title>Account settings · Qilian</title>");
    expect(html).toContain("Your profile has been saved.");
    expect(html).toContain('value="Grace Hopper"');
  });

  it("refuses an unknown settings intent with 400", async () => {
    const account = await signUp(server);
    const res = await server.fetch(
      "/settings",
      post({ intent: "delete-everything" }, { cookie: account.cookie }),
    );
    expect(res.status).toBe(400);
  });
});
