import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { insertAlliance, insertChain, insertJoined } from "../setup/shell-fixtures";

/** Zulip's habit: hot pages have a query budget, so an N+1 query fails here instead of in production. */
describe("home page queries", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  // A getter: the proxy's address exists only once its beforeAll (registered first) has run.
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  async function addData(alliances: number) {
    const chainIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      chainIds.push(
        await insertChain(database.db, {
          nameZh: `链${i}`,
          nameEn: `Chain ${i}`,
          nodes: [
            { nameZh: "上游", nameEn: "Up" },
            { nameZh: "下游", nameEn: "Down", upstream: ["Up"] },
          ],
        }),
      );
    }
    for (let i = 0; i < alliances; i++) {
      await insertAlliance(database.db, { nameZh: `联盟${i}`, nameEn: `Alliance ${i}`, chainIds });
      await insertJoined(database.db, { displayName: `成员${i}` });
    }
  }

  /** The fewest statements one home page costs (several tries: a pool may open a connection, which queries types). */
  async function homeQueries() {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      counts.push(
        await counter.count(async () => {
          const res = await server.fetch("/");
          expect(res.status).toBe(200);
          await res.text();
        }),
      );
    }
    return Math.min(...counts);
  }

  it("runs a fixed, small number of queries however many alliances and chains there are", async () => {
    await addData(2);
    const few = await homeQueries();
    await addData(25);
    const many = await homeQueries();
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThanOrEqual(8);
    expect(many).toBe(few);
  });
});
