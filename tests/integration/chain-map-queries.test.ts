import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seed";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";

/** The chain map's counts come from one grouped query, so 5,000 more positions cost no more statements. */
describe("chain map queries", () => {
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

  const paths = ["/chains", "/chains/industrial-robots", "/chains/industrial-robots/robot-body"];

  /** The fewest statements each page costs over a few tries (a pool may open a connection, which queries types). */
  async function costs() {
    const result: Record<string, number> = {};
    for (const path of paths) {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          await counter.count(async () => {
            const res = await server.fetch(path);
            expect(res.status).toBe(200);
            await res.text();
          }),
        );
      }
      result[path] = Math.min(...counts);
    }
    return result;
  }

  it("costs the same number of queries with 5,000 more positions", async () => {
    const before = await costs();
    // 2,500 organizations, each needing robot bodies and supplying some node of the robot chain.
    await database.db.execute(sql`
      with new_orgs as (
        insert into organizations (slug, name_zh, name_en, kind)
        select 'bulk-' || n, '批量机构' || n, 'Bulk organization ' || n, 'enterprise'
        from generate_series(1, 2500) n
        returning id, slug
      ), robot_nodes as (
        select cn.id, cn.slug from chain_nodes cn join chains c on c.id = cn.chain_id
        where c.slug = 'industrial-robots'
      ), supplied as (
        select id, row_number() over (order by slug) - 1 as i, count(*) over () as total
        from robot_nodes where slug <> 'robot-body'
      )
      insert into org_positions (org_id, node_id, kind)
      select o.id, r.id, 'needs'::position_kind
      from new_orgs o, robot_nodes r
      where r.slug = 'robot-body'
      union all
      select o.id, r.id, 'supplies'::position_kind
      from new_orgs o, supplied r
      where r.i = substring(o.slug from 6)::int % r.total`);
    const [{ positions }] = await database.db.execute<{ positions: number }>(
      sql`select count(*)::int as positions from org_positions`,
    );
    expect(positions).toBeGreaterThanOrEqual(5000);

    const after = await costs();
    for (const path of paths) expect(before[path], path).toBeLessThanOrEqual(7);
    expect(after).toEqual(before);

    const map = await (await server.fetch("/chains/industrial-robots")).text();
    expect(map).toContain("供 0 · 需 2502");
  });
});
