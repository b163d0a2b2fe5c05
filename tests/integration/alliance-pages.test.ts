import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { alliances, users } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";

describe("alliance directory and alliance page", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  beforeAll(async () => {
    await seedDemoData(database.db);
  });

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.fetch(path, { headers });
    return { status: res.status, html: await res.text() };
  };

  it("lists the seven alliances with their member counts, in Chinese and in English", async () => {
    const zh = await page("/alliances");
    expect(zh.status).toBe(200);
    expect(zh.html).toContain("<h1");
    expect(zh.html).toContain("天津市机器人产业联盟");
    expect(zh.html).toMatch(/\d+ 名成员/);
    const en = await page("/alliances", { "accept-language": "en" });
    expect(en.html).toContain("Tianjin Robotics Industry Alliance");
    expect(en.html).toMatch(/\d+ members/);
  });

  it("shows an alliance with its chair, organizers, chains and counts", async () => {
    const { status, html } = await page("/alliances/robotics");
    expect(status).toBe(200);
    expect(html).toContain("天津市机器人产业联盟");
    expect(html).toMatch(/赵敏[\s\S]{0,200}理事长/);
    expect(html).toMatch(/Daniel Hoffmann[\s\S]{0,200}组织者/);
    expect(html).toContain("工业机器人");
    // chair, organizer and three members are active; the pending request does not count.
    expect(html).toMatch(/成员<\/dt><dd[^>]*>5<\/dd>/);
  });

  it("answers an unknown alliance with a 404 page in the user's language", async () => {
    const zh = await page("/alliances/no-such-alliance");
    expect(zh.status).toBe(404);
    expect(zh.html).toContain("找不到该联盟。");
    const en = await page("/alliances/no-such-alliance", { "accept-language": "en" });
    expect(en.html).toContain("We could not find that alliance.");
  });

  it("hides an archived alliance from everyone but platform admins", async () => {
    await database.db
      .update(alliances)
      .set({ archivedAt: new Date() })
      .where(eq(alliances.slug, "financial-big-data"));
    expect((await page("/alliances/financial-big-data")).status).toBe(404);
    expect((await page("/alliances")).html).not.toContain("天津市金融大数据产业联盟");

    const [admin] = await database.db.select().from(users).where(eq(users.platformRole, "admin"));
    const { setCookie } = await startSession(server.services, admin.id);
    const asAdmin = await page("/alliances/financial-big-data", { cookie: setCookie.split(";")[0] });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.html).toContain("此联盟已归档");
  });

  it("costs the same number of queries with 2,000 more members", async () => {
    const cost = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          await counter.count(async () => {
            expect((await page("/alliances/robotics")).status).toBe(200);
          }),
        );
      }
      return Math.min(...counts);
    };
    const before = await cost();
    await database.db.execute(sql`
      with new_users as (
        insert into users (id, email, display_name, password_hash)
        select 'bulk-' || n, 'bulk' || n || '@example.org', '成员' || n, 'x' from generate_series(1, 2000) n
        returning id
      )
      insert into memberships (alliance_id, user_id, role, status)
      select (select id from alliances where slug = 'robotics'), id, 'member', 'active' from new_users`);
    const after = await cost();
    expect(before).toBeLessThanOrEqual(6);
    expect(after).toBe(before);
    expect((await page("/alliances/robotics")).html).toMatch(/成员<\/dt><dd[^>]*>2005<\/dd>/);
  });
});
