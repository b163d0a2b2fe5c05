import { describe, expect, it } from "vitest";
import { transact } from "~/models/activity.server";
import { notify } from "~/models/notifications.server";
import { startSession } from "~/utils/auth.server";
import { createUser } from "../factories";
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
  async function homeQueries(headers: Record<string, string> = {}) {
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      counts.push(
        await counter.count(async () => {
          const res = await server.fetch("/", { headers });
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

  it("costs a signed-in user one query more for the bell, however many notifications they have", async () => {
    const visitor = await homeQueries();
    const { user } = await createUser(database.db);
    const cookie = (await startSession(server.services, user.id)).setCookie.split(";")[0];
    const few = await homeQueries({ cookie });
    for (let i = 0; i < 40; i++) {
      await transact(server.services, (tx, publish) =>
        notify(tx, publish, { userId: user.id, type: "membership.approved", data: {} }),
      );
    }
    const many = await homeQueries({ cookie });
    expect(many).toBe(few);
    // One statement checks the session (lucia's session-and-user join), one answers the bell.
    expect(few).toBe(visitor + 2);
  });
});
