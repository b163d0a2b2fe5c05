import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loader } from "~/routes/_index";
import { startSession } from "~/utils/auth.server";
import { can } from "~/utils/permissions.server";
import { useTestDatabase } from "../setup/database";
import { insertJoined, insertUser } from "../setup/shell-fixtures";

// Every role may read the feed today, so only a stand-in table can show that the loader asks at all.
vi.mock("~/utils/permissions.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/permissions.server")>();
  return { ...actual, can: vi.fn(actual.can) };
});

/** The home page's activity feed goes through the policy table (`platform.read`), like the live topic does. */
describe("home page feed and the policy table", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    await insertJoined(database.db, { displayName: "张三" });
  });

  function load(cookie?: string) {
    const request = new Request("http://qilian.test/", { headers: cookie ? { cookie } : {} });
    const services = { db: database.db, config: { secureCookies: false } };
    const context = { services, requestLog: {}, session: {} } as unknown as AppLoadContext;
    return loader({ request, context, params: {} });
  }

  it("shows visitors who joined, as the table allows", async () => {
    vi.mocked(can).mockClear();
    const { feed } = await load();
    expect(can).toHaveBeenCalledWith(null, "platform.read");
    expect(feed.map((item) => item.name)).toEqual(["张三"]);
  });

  it("asks with the signed-in viewer", async () => {
    const userId = await insertUser(database.db, "李四");
    const { setCookie } = await startSession({ db: database.db, config: { secureCookies: false } }, userId);
    vi.mocked(can).mockClear();
    await load(setCookie.split(";")[0]);
    expect(can).toHaveBeenCalledWith(expect.objectContaining({ id: userId }), "platform.read");
  });

  it("leaves the feed out when the table says no", async () => {
    vi.mocked(can).mockImplementationOnce(() => false);
    const { feed, after } = await load();
    expect(feed).toEqual([]);
    expect(after).toBe(0);
  });
});
