import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { activity } from "../../db/schema/index";
import { latestActivityId, transact } from "~/models/activity.server";
import { attachSequencer, type LiveSocket } from "~/realtime/live-client";
import { CATCH_UP_PAGE } from "~/realtime/subscriptions.server";
import { PLATFORM_TOPIC } from "~/realtime/topics";
import type { Activity, LiveActivity } from "~/realtime/types";
import { client, connect, createUser, settle, signIn, until } from "../setup/live";
import { useTestServer } from "../setup/server";

/** The exactly-once promise end to end: the real server, a Node socket.io client and the browser's sequencer. */
describe("catch-up from the activity log", () => {
  const server = useTestServer();
  let cookie: string;
  const open: LiveSocket[] = [];

  beforeAll(async () => {
    const user = await createUser(server.services.db);
    ({ cookie } = await signIn(server.services, user.id));
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });

  /** A connected client whose sequencer watches `platform` from its current latest id. */
  async function watcher() {
    const socket = client(server.url, { cookie });
    open.push(socket);
    const sequencer = attachSequencer(socket);
    const requests: { topic: string; after: number }[] = [];
    socket.onAnyOutgoing((event, payload) => {
      if (event === "subscribe") requests.push(payload);
    });
    await connect(socket);
    const got: Activity[] = [];
    sequencer.watch(PLATFORM_TOPIC, await latestActivityId(server.services.db, PLATFORM_TOPIC), (a) =>
      got.push(a),
    );
    await until(() => requests.length === 1, "the first subscribe");
    return { socket, got, requests };
  }

  async function publish(type: string): Promise<number> {
    await transact(server.services, async (_tx, publish) => publish({ topic: PLATFORM_TOPIC, type }));
    return latestActivityId(server.services.db, PLATFORM_TOPIC);
  }

  it("delivers what was published while disconnected exactly once, in order, after reconnecting", async () => {
    const { socket, got, requests } = await watcher();
    const live = await publish("test.live");
    await until(() => got.length === 1, "the live activity");

    socket.disconnect();
    const missed = [
      await publish("test.missed-1"),
      await publish("test.missed-2"),
      await publish("test.missed-3"),
    ];
    await connect(socket);
    await until(() => got.length === 4, "the missed activities");
    await settle();

    expect(requests.at(-1)).toEqual({ topic: PLATFORM_TOPIC, after: live });
    expect(got.map((a) => a.id)).toEqual([live, ...missed]);
    expect(got.map((a) => a.type)).toEqual(["test.live", "test.missed-1", "test.missed-2", "test.missed-3"]);
  });

  it("delivers an activity once when its live event races the catch-up, arriving before and after the answer", async () => {
    const socket = client(server.url, { cookie });
    open.push(socket);
    const sequencer = attachSequencer(socket);
    const raw: number[] = [];
    socket.on("activity", (a) => raw.push(a.id));
    await connect(socket);
    const after = await latestActivityId(server.services.db, PLATFORM_TOPIC);
    const got: Activity[] = [];

    let raced: LiveActivity | undefined;
    // Holding the table lock parks the server's catch-up query after it joined the room.
    await server.services.db.transaction(async (tx) => {
      await tx.execute(sql`lock table activity in access exclusive mode`);
      sequencer.watch(PLATFORM_TOPIC, after, (a) => got.push(a));
      await until(async () => {
        const [row] = await server.services.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_locks where relation = 'activity'::regclass and not granted`,
        );
        return row.n > 0;
      }, "the catch-up to wait for the lock");
      const [row] = await tx
        .insert(activity)
        .values({ topic: PLATFORM_TOPIC, type: "test.raced" })
        .returning();
      raced = { ...row, createdAt: row.createdAt.toISOString(), prev: after };
      server.services.realtime.emit([raced]);
      await until(() => raw.includes(row.id), "the live event, before the catch-up answer");
    });
    await until(() => got.length === 1, "the catch-up answer");
    server.services.realtime.emit([raced!]);
    await until(() => raw.filter((id) => id === raced!.id).length === 2, "the repeated live event");
    await settle();

    expect(got.map((a) => a.id)).toEqual([raced!.id]);
  });

  it("delivers every activity once when publishing and reconnecting overlap", async () => {
    const { socket, got } = await watcher();
    const published: number[] = [];
    const publishing = (async () => {
      for (let i = 0; i < 30; i++) published.push(await publish(`test.storm-${i}`));
    })();
    for (let i = 0; i < 5; i++) {
      await settle(30);
      socket.disconnect();
      await settle(10);
      await connect(socket);
    }
    await publishing;
    await until(() => got.length >= published.length, "every published activity");
    await settle();
    expect(got.map((a) => a.id)).toEqual(published);
  });

  it("pages through a catch-up longer than one answer, in order", async () => {
    const { socket, got } = await watcher();
    socket.disconnect();
    const before = await latestActivityId(server.services.db, PLATFORM_TOPIC);
    const count = CATCH_UP_PAGE + 100;
    await transact(server.services, async (_tx, publish) => {
      for (let i = 0; i < count; i++) publish({ topic: PLATFORM_TOPIC, type: "test.bulk", payload: { i } });
    });
    await connect(socket);
    await until(() => got.length === count, `${count} activities`, 10_000);
    expect(got.map((a) => a.payload.i)).toEqual([...Array(count).keys()]);
    expect(got[0].id).toBeGreaterThan(before);
  });

  it("recovers an activity whose live event never came (its publisher died between commit and emit)", async () => {
    const { got } = await watcher();
    const silent = { ...server.services, realtime: { ...server.services.realtime, emit: () => {} } };
    await transact(silent, async (_tx, publish) =>
      publish({ topic: PLATFORM_TOPIC, type: "test.never-emitted" }),
    );
    const next = await publish("test.next");
    await until(() => got.length === 2, "both activities");
    expect(got.map((a) => a.type)).toEqual(["test.never-emitted", "test.next"]);
    expect(got[1].id).toBe(next);
  });
});
