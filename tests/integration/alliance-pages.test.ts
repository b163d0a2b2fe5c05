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
    // Recent activity: the demo's members joined one after another, newest first.
    expect(html).toMatch(/最近动态[\s\S]*孙浩 加入了联盟/);
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

  it("costs the same number of queries with 5,000 more members and 300 open requests", async () => {
    const [organizer] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, "daniel.hoffmann@demo.qilian.example"));
    const { setCookie } = await startSession(server.services, organizer.id);
    const asOrganizer = { cookie: setCookie.split(";")[0] };
    const cost = async (path: string, headers: Record<string, string> = {}) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          await counter.count(async () => {
            expect((await page(path, headers)).status).toBe(200);
          }),
        );
      }
      return Math.min(...counts);
    };
    const paths = ["/alliances/robotics", "/alliances/robotics/requests", "/alliances/robotics/audit"];
    // One page at a time: the counter counts every query the server runs meanwhile.
    const costs = async () => {
      const result = [await cost(paths[0])];
      for (const path of paths) result.push(await cost(path, asOrganizer));
      return result;
    };
    const before = await costs();
    await database.db.execute(sql`
      with new_users as (
        insert into users (id, email, display_name, password_hash)
        select 'bulk-' || n, 'bulk' || n || '@example.org', '成员' || n, 'x' from generate_series(1, 5300) n
        returning id
      )
      insert into memberships (alliance_id, user_id, role, status)
      select (select id from alliances where slug = 'robotics'), id, 'member',
             case when substring(id from 6)::int > 5000 then 'pending'::membership_status
                  else 'active'::membership_status end
      from new_users`);
    const after = await costs();
    expect(before[0]).toBeLessThanOrEqual(7);
    expect(after).toEqual(before);
    expect((await page("/alliances/robotics")).html).toMatch(/成员<\/dt><dd[^>]*>5005<\/dd>/);
  });
});
