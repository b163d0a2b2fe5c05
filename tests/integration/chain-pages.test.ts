import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

describe("chain map pages", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  beforeAll(async () => {
    await seedDemoData(database.db);
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers });
    return { status: res.status, html: await res.text() };
  };

  it("draws all seven chains as server-rendered SVG maps", async () => {
    const { status, html } = await page("/chains");
    expect(status).toBe(200);
    expect(html.match(/<svg[^>]*role="group"/g)).toHaveLength(7);
    expect(html).toContain("工业机器人");
    expect(html).toContain('href="/chains/industrial-robots"');
  });

  it("shows one chain with its links, each keyboard-reachable and explained as text, in the reader's language", async () => {
    const zh = await page("/chains/industrial-robots");
    expect(zh.status).toBe(200);
    // every node of the map is a link to its entry in the list
    expect(zh.html).toMatch(/<a href="#node-robot-body"[\s\S]*?机器人本体/);
    expect(zh.html).toContain('id="node-robot-body"');
    expect(zh.html).toMatch(/上游：精密减速器、控制器、伺服系统/);
    const en = await page("/chains/industrial-robots", { "accept-language": "en" });
    expect(en.html).toContain("Robot bodies");
    expect(en.html).toMatch(/Upstream: Precision reducers, Controllers, Servo systems/);
  });

  it("answers an unknown chain with a 404 in the reader's language", async () => {
    const res = await page("/chains/no-such-chain", { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(res.html).toContain("We could not find that chain.");
  });
});
