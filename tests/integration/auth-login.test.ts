import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { useTestServer } from "../setup/server";
import { alertText, fieldErrors, post, sessionCookie, setCookie, signUp } from "./auth-helpers";

const english = { "accept-language": "en" };

describe("log-in", () => {
  const server = useTestServer();

  it("starts a session for the right password, whatever the email's case", async () => {
    const account = await signUp(server);
    const res = await server.fetch(
      "/login",
      post({ email: account.email.toUpperCase(), password: account.password }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(setCookie(res, "qilian_session")).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
    const home = await server.fetch("/", { headers: { cookie: sessionCookie(res) } });
    expect(await home.text()).toContain(account.displayName);
  });

  it("switches the device to the account's preferred language", async () => {
    const account = await signUp(server);
    await server.services.db.update(users).set({ locale: "en" }).where(eq(users.email, account.email));
    const res = await server.fetch("/login", post({ email: account.email, password: account.password }));
    expect(setCookie(res, "qilian_lang")).toMatch(/^qilian_lang=en;/);
  });

  it("says the same thing for a wrong password and an unknown email, and keeps the email", async () => {
    const account = await signUp(server);
    const wrong = await server.fetch(
      "/login",
      post({ email: account.email, password: "wrong password" }, english),
    );
    const unknown = await server.fetch(
      "/login",
      post({ email: "nobody@example.com", password: "wrong password" }, english),
    );
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [wrongHtml, unknownHtml] = [await wrong.text(), await unknown.text()];
    expect(alertText(wrongHtml)).toBe("The email or password is incorrect.");
    expect(alertText(unknownHtml)).toBe(alertText(wrongHtml));
    expect(wrongHtml).toContain(`value="${account.email}"`);
    expect(wrongHtml).not.toContain("wrong password");
    expect(setCookie(wrong, "qilian_session")).toBeUndefined();

    const zh = await server.fetch("/login", post({ email: account.email, password: "wrong password" }));
    expect(alertText(await zh.text())).toBe("邮箱或密码不正确。");
  });

  it("validates the form before checking anything", async () => {
    const res = await server.fetch("/login", post({ email: "", password: "" }, english));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "login", "email")).toBe("Please enter your email address.");
    expect(fieldErrors(html, "login", "password")).toBe("Please enter a password.");
  });

  it("refuses a log-in posted from a foreign origin", async () => {
    const account = await signUp(server);
    const res = await server.fetch(
      "/login",
      post({ email: account.email, password: account.password }, { origin: "https://evil.example" }),
    );
    expect(res.status).toBe(403);
    expect(setCookie(res, "qilian_session")).toBeUndefined();
  });

  it("follows a relative redirectTo but never leaves the site", async () => {
    const account = await signUp(server);
    const login = (redirectTo: string) =>
      server.fetch("/login", post({ email: account.email, password: account.password, redirectTo }));
    expect((await login("/settings")).headers.get("location")).toBe("/settings");
    for (const outside of [
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
    ]) {
      expect((await login(outside)).headers.get("location")).toBe("/");
    }
    // The form carries a safe redirectTo from the address bar, and drops an unsafe one.
    const loginForm = async (query: string) =>
      (await (await server.fetch(`/login${query}`)).text()).match(/<form[^>]*id="login"[\s\S]*?<\/form>/)![0];
    expect(await loginForm("?redirectTo=%2Fsettings")).toContain('name="redirectTo" value="/settings"');
    expect(await loginForm("?redirectTo=%2F%2Fevil.example")).not.toContain('name="redirectTo"');
  });

  it("sends pages that need an account to the log-in form and back", async () => {
    const res = await server.fetch("/settings");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fsettings");
  });

  it("sends signed-in members from /login to the home page", async () => {
    const { cookie } = await signUp(server);
    const res = await server.fetch("/login", { headers: { cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it("titles the page in the visitor's language", async () => {
    expect(await (await server.fetch("/login", { headers: english })).text()).toMatch(
      /<title>Log in · Qilian<\/title>/,
    );
  });
});
