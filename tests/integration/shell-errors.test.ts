import { describe, expect, it } from "vitest";
import { useTestServer } from "../setup/server";

describe("error pages", () => {
  const server = useTestServer();

  it("answers an unknown URL with a 404 page in Chinese by default", async () => {
    const res = await server.fetch("/no/such/page");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain("<title>页面不存在 · 七链</title>");
    expect(html).toContain("找不到该页面。");
    expect(html).toContain("返回首页");
    // The shell stays: navigation and the language switcher still work from an error page.
    expect(html).toContain('action="/lang"');
  });

  it("answers in English for an English visitor, by header or by cookie", async () => {
    const visitors: Record<string, string>[] = [
      { "accept-language": "en-US,en;q=0.8" },
      { cookie: "qilian_lang=en", "accept-language": "zh" },
    ];
    for (const headers of visitors) {
      const res = await server.fetch("/no-such-area/nope", { headers });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<html lang="en"');
      expect(html).toContain("<title>Not found · Qilian</title>");
      expect(html).toContain("We could not find that page.");
    }
  });

  it("keeps the 404 status for the page's data request too", async () => {
    const res = await server.fetch("/no/such/page.data");
    expect(res.status).toBe(404);
  });
});
