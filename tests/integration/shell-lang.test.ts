import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { insertUser } from "../setup/shell-fixtures";

describe("POST /lang", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  const switchTo = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    server.fetch("/lang", { method: "POST", body: new URLSearchParams(fields), headers });

  it("sets the language cookie for a year and goes back to the page", async () => {
    const res = await switchTo({ locale: "en", redirectTo: "/alliances?tab=mine" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/alliances?tab=mine");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^qilian_lang=en;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);

    const home = await server.fetch("/", {
      headers: { cookie: "qilian_lang=en", "accept-language": "zh-CN" },
    });
    expect(await home.text()).toContain('<html lang="en"');
  });

  it.each(["//evil.com", "/\\evil.com", "https://evil.com/", "evil.com", "/\t/evil.com", ""])(
    "never redirects off the site (%j → /)",
    async (redirectTo) => {
      const res = await switchTo({ locale: "zh-CN", redirectTo });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/");
    },
  );

  it("refuses an unknown language with 400, explained in the visitor's language", async () => {
    const res = await switchTo({ locale: "fr", redirectTo: "/" }, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("qilian_lang");
    expect(await res.text()).toContain("The request was not valid");

    const missing = await switchTo({ redirectTo: "/" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("请求有误");
  });

  it("remembers the choice on the signed-in user's account", async () => {
    const userId = await insertUser(database.db, "Li Na");
    const { setCookie } = await startSession(server.services, userId);
    const res = await switchTo({ locale: "en", redirectTo: "/" }, { cookie: setCookie.split(";")[0] });
    expect(res.status).toBe(303);
    const [row] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
    expect(row.locale).toBe("en");
  });

  it("sends a stray GET home", async () => {
    const res = await server.fetch("/lang");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
  });
});
