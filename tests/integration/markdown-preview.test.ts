import { beforeAll, describe, expect, it } from "vitest";
import { PREVIEW_MAX_LENGTH } from "~/markdown/limits";
import { startSession } from "~/utils/auth.server";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

describe("markdown preview endpoint", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let cookie = "";

  beforeAll(async () => {
    const { user } = await createUser(database.db);
    cookie = (await startSession(server.services, user.id)).setCookie.split(";")[0];
  });

  const preview = (fields: Record<string, string>, headers: Record<string, string> = { cookie }) =>
    server.fetch("/markdown/preview", post(fields, headers));

  it("sends visitors to log in", async () => {
    const res = await preview({ text: "# hi" }, {});
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fmarkdown%2Fpreview");
  });

  it("returns the sanitized HTML of the text", async () => {
    const text = [
      "# 共性技术难题",
      "[点我](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(2)</script>",
      "[官网](https://example.com)",
    ].join("\n\n");
    const res = await preview({ text });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      html:
        "<h3>共性技术难题</h3>\n" +
        "<p>[点我](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;</p>\n" +
        '<p><a href="https://example.com" rel="nofollow noopener noreferrer" target="_blank">官网</a></p>\n',
    });
  });

  it("answers the editor's fetcher (single-fetch .data request) with the same HTML", async () => {
    const res = await server.fetch("/markdown/preview.data", post({ text: "**粗体** <b>x</b>" }, { cookie }));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("<p><strong>粗体</strong> &lt;b&gt;x&lt;/b&gt;</p>");
    expect(body).not.toContain("<b>x</b>");
    const tooLong = await server.fetch(
      "/markdown/preview.data",
      post({ text: "a".repeat(PREVIEW_MAX_LENGTH + 1) }, { cookie }),
    );
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("markdown.preview.tooLong");
  });

  it("accepts the longest text allowed and refuses a longer one with a message key", async () => {
    const longest = "字".repeat(PREVIEW_MAX_LENGTH);
    expect((await preview({ text: longest })).status).toBe(200);
    const res = await preview({ text: `${longest}a` });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "markdown.preview.tooLong" });
  });

  it("refuses a request without text, and GET", async () => {
    const res = await preview({ body: "x" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "markdown.preview.invalid" });
    const get = await server.fetch("/markdown/preview", { headers: { cookie } });
    expect(get.status).toBe(405);
  });
});
