import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activity, organizations, orgRepresentatives, sessions, users } from "../../db/schema/index";
import { useTestServer } from "../setup/server";
import { fieldErrors, newAccount, post, sessionCookie, setCookie, signUp } from "./auth-helpers";

const english = { "accept-language": "en-US,en;q=0.9" };

describe("sign-up", () => {
  const server = useTestServer();
  const db = () => server.services.db;

  it("creates the account with an argon2id hash and starts a 30-day HttpOnly, SameSite=Lax session", async () => {
    const account = newAccount({ email: "  Ada.Lovelace@Example.COM " });
    const res = await server.fetch("/signup", post(account));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");

    const cookie = setCookie(res, "qilian_session")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).toMatch(new RegExp(`Max-Age=${30 * 24 * 60 * 60}(;|$)`, "i"));
    // Zh-CN by default, remembered on this device.
    expect(setCookie(res, "qilian_lang")).toMatch(/^qilian_lang=zh-CN;/);

    const [user] = await db().select().from(users).where(eq(users.email, "ada.lovelace@example.com"));
    expect(user.displayName).toBe(account.displayName);
    expect(user.locale).toBe("zh-CN");
    expect(user.platformRole).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(account.password);

    const sessionId = sessionCookie(res).split("=")[1];
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session.userId).toBe(user.id);

    const home = await server.fetch("/", { headers: { cookie: sessionCookie(res) } });
    expect(await home.text()).toContain(account.displayName);
  });

  it("announces the new member on the platform topic", async () => {
    const account = await signUp(server);
    const rows = await db().select().from(activity).where(eq(activity.topic, "platform"));
    const joined = rows.find(
      (row) => row.type === "user.joined" && row.payload.displayName === account.displayName,
    );
    expect(joined).toBeDefined();
    expect(joined!.payload).not.toHaveProperty("organization");
    expect(joined!.actorId).toBeTruthy();
  });

  it("refuses a duplicate email, ignoring case, and keeps what was typed except the password", async () => {
    const first = await signUp(server);
    const again = newAccount({ email: first.email.toUpperCase(), displayName: "Second <Try>" });
    const res = await server.fetch("/signup", post(again, english));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "signup", "email")).toMatch(/already registered/);
    expect(html).toMatch(
      /id="signup-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="signup-email"/,
    );
    expect(html).toContain(`value="${again.email}"`);
    expect(html).toContain('value="Second &lt;Try&gt;"');
    expect(html).not.toContain(again.password);
    expect(setCookie(res, "qilian_session")).toBeUndefined();
    const [{ n }] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(sql`lower(${users.email})`, first.email.toLowerCase()));
    expect(n).toBe(1);
  });

  it("lets only one of two simultaneous sign-ups with one email through, without a 500", async () => {
    const account = newAccount();
    const statuses = await Promise.all(
      [account, { ...account, email: account.email.toUpperCase() }].map(async (fields) => {
        const res = await server.fetch("/signup", post(fields));
        return res.status;
      }),
    );
    expect(statuses.sort()).toEqual([303, 400]);
  });

  it("refuses passwords shorter than 8 or longer than 256 characters, in Chinese by default", async () => {
    const short = await server.fetch("/signup", post(newAccount({ password: "1234567" })));
    expect(short.status).toBe(400);
    expect(fieldErrors(await short.text(), "signup", "password")).toBe("密码至少需要 8 个字符。");

    const long = await server.fetch("/signup", post(newAccount({ password: "x".repeat(257) }), english));
    expect(long.status).toBe(400);
    expect(fieldErrors(await long.text(), "signup", "password")).toBe(
      "The password must be at most 256 characters.",
    );

    const edge = await server.fetch("/signup", post(newAccount({ password: "x".repeat(256) })));
    expect(edge.status).toBe(303);
  });

  it("explains every missing or malformed field in the request's language", async () => {
    const res = await server.fetch(
      "/signup",
      post({ email: "not-an-email", password: "", displayName: "   " }, english),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldErrors(html, "signup", "email")).toMatch(/valid email address/);
    expect(fieldErrors(html, "signup", "password")).toBe("Please enter a password.");
    expect(fieldErrors(html, "signup", "displayName")).toBe("Please enter a display name.");
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('aria-describedby="signup-email-error"');

    const zh = await server.fetch("/signup", post({ email: "", password: "12345678", displayName: "张三" }));
    expect(fieldErrors(await zh.text(), "signup", "email")).toBe("请填写邮箱。");
  });

  it("answers a body that is not a form with 400, not 500", async () => {
    const res = await server.fetch("/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(res.status).toBe(400);
  });

  it("creates a typed-in organization as an unverified enterprise with the member as its admin", async () => {
    const account = await signUp(server, { organizationName: "Haihe Robotics 海河机器人" });
    const [org] = await db()
      .select()
      .from(organizations)
      .where(eq(organizations.nameZh, "Haihe Robotics 海河机器人"));
    expect(org).toMatchObject({ kind: "enterprise", verified: false, nameEn: "Haihe Robotics 海河机器人" });
    expect(org.slug).toMatch(/^haihe-robotics-[0-9a-f]{8}$/);
    const [user] = await db().select().from(users).where(eq(users.email, account.email));
    const reps = await db().select().from(orgRepresentatives).where(eq(orgRepresentatives.orgId, org.id));
    expect(reps).toEqual([expect.objectContaining({ userId: user.id, role: "admin" })]);
    const rows = await db().select().from(activity).where(eq(activity.actorId, user.id));
    expect(rows[0].payload).toMatchObject({ organization: { slug: org.slug, nameZh: org.nameZh } });

    // The same name again is the existing organization: choose it instead of duplicating it.
    const dup = await server.fetch(
      "/signup",
      post(newAccount({ organizationName: "haihe robotics 海河机器人" }), english),
    );
    expect(dup.status).toBe(400);
    expect(fieldErrors(await dup.text(), "signup", "organizationName")).toMatch(/already exists/);
  });

  it("links the member to an organization chosen from the list, as a representative", async () => {
    const [org] = await db()
      .insert(organizations)
      .values({
        slug: "tju",
        nameZh: "天津大学",
        nameEn: "Tianjin University",
        kind: "university",
        verified: true,
      })
      .returning();
    const page = await (await server.fetch("/signup")).text();
    expect(page).toContain(`<option value="${org.id}"`);

    const account = await signUp(server, { organizationId: org.id });
    const [user] = await db().select().from(users).where(eq(users.email, account.email));
    const [rep] = await db().select().from(orgRepresentatives).where(eq(orgRepresentatives.userId, user.id));
    expect(rep).toMatchObject({ orgId: org.id, role: "representative" });

    const both = await server.fetch(
      "/signup",
      post(newAccount({ organizationId: org.id, organizationName: "Other" })),
    );
    expect(both.status).toBe(400);
    const unknown = await server.fetch(
      "/signup",
      post(newAccount({ organizationId: crypto.randomUUID() }), english),
    );
    expect(unknown.status).toBe(400);
    expect(fieldErrors(await unknown.text(), "signup", "organizationId")).toMatch(/does not exist/);
  });

  it("follows a relative redirectTo but never leaves the site", async () => {
    const inside = await server.fetch("/signup", post(newAccount({ redirectTo: "/settings?tab=1" })));
    expect(inside.headers.get("location")).toBe("/settings?tab=1");
    for (const redirectTo of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      const res = await server.fetch("/signup", post(newAccount({ redirectTo })));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
    }
  });

  it("sends signed-in members from /signup to the home page", async () => {
    const { cookie } = await signUp(server);
    const res = await server.fetch("/signup", { headers: { cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });

  it("titles the page in the visitor's language", async () => {
    expect(await (await server.fetch("/signup")).text()).toMatch(/<title>注册 · 七链<\/title>/);
    expect(await (await server.fetch("/signup", { headers: english })).text()).toMatch(
      /<title>Sign up · Qilian<\/title>/,
    );
  });
});
