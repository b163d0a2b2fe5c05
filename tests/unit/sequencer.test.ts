import { describe, expect, it } from "vitest";
import type { SubscribeResult } from "~/realtime/protocol";
import { Sequencer } from "~/realtime/sequencer";
import type { Activity, LiveActivity } from "~/realtime/types";

type Request = { topic: string; after: number; answer: (result: SubscribeResult) => void };

function setup() {
  const requests: Request[] = [];
  const unsubscribed: string[] = [];
  const sequencer = new Sequencer({
    subscribe: (topic, after, answer) => requests.push({ topic, after, answer }),
    unsubscribe: (topic) => unsubscribed.push(topic),
  });
  const watch = (topic: string, after: number) => {
    const got: number[] = [];
    const errors: string[] = [];
    const stop = sequencer.watch(topic, after, (a) => got.push(a.id), {
      onError: (e) => errors.push(e.code),
    });
    return { got, errors, stop };
  };
  return { sequencer, requests, unsubscribed, watch };
}

function activity(id: number, prev: number, topic = "platform"): LiveActivity {
  return { id, prev, topic, type: "test", payload: {}, actorId: null, createdAt: "2026-01-01T00:00:00.000Z" };
}

const page = (ids: number[], more = false): SubscribeResult => ({
  ok: true,
  activities: ids.map((id): Activity => activity(id, 0)),
  more,
});

describe("Sequencer", () => {
  it("subscribes only once connected, from the watcher's cursor", () => {
    const { sequencer, requests, watch } = setup();
    watch("platform", 7);
    expect(requests).toHaveLength(0);
    sequencer.connected();
    expect(requests.map((r) => [r.topic, r.after])).toEqual([["platform", 7]]);
  });

  it("delivers the catch-up in order, then live events", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    requests[0].answer(page([1, 2, 3]));
    sequencer.receive(activity(4, 3));
    expect(w.got).toEqual([1, 2, 3, 4]);
  });

  it("buffers live events while the catch-up is outstanding and drops those it already carried", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 10);
    sequencer.receive(activity(12, 11)); // raced ahead of the answer, and is in it too
    sequencer.receive(activity(13, 12)); // committed after the catch-up's snapshot
    expect(w.got).toEqual([]);
    requests[0].answer(page([11, 12]));
    expect(w.got).toEqual([11, 12, 13]);
  });

  it("drops a live event that arrives after a catch-up which already carried it", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    requests[0].answer(page([1, 2]));
    sequencer.receive(activity(2, 1));
    sequencer.receive(activity(2, 1));
    sequencer.receive(activity(3, 2));
    expect(w.got).toEqual([1, 2, 3]);
  });

  it("re-subscribes every watcher from its cursor on reconnect and ignores answers to the old connection", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const a = watch("platform", 0);
    const b = watch("alliance:x", 40);
    requests[0].answer(page([1, 2]));
    sequencer.disconnected();
    requests[1].answer(page([41])); // the old connection's answer, too late
    sequencer.connected();
    expect(requests.slice(2).map((r) => [r.topic, r.after])).toEqual([
      ["platform", 2],
      ["alliance:x", 40],
    ]);
    requests[2].answer(page([3, 4, 5]));
    requests[3].answer(page([41, 42]));
    expect(a.got).toEqual([1, 2, 3, 4, 5]);
    expect(b.got).toEqual([41, 42]);
  });

  it("forgets events buffered before a disconnect: the reconnect's catch-up carries them", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    sequencer.receive(activity(1, 0));
    sequencer.disconnected();
    sequencer.connected();
    requests[1].answer(page([1]));
    expect(w.got).toEqual([1]);
  });

  it("pages through a long catch-up before applying buffered live events", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    sequencer.receive(activity(9, 8));
    requests[0].answer(page([1, 2, 3], true));
    expect(requests[1].after).toBe(3);
    expect(w.got).toEqual([1, 2, 3]);
    sequencer.receive(activity(10, 9));
    requests[1].answer(page([4, 5, 6, 7, 8, 9]));
    expect(w.got).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("catches up when a live event overtook an earlier one, and delivers both once, in order", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 4);
    requests[0].answer(page([]));
    sequencer.receive(activity(6, 5)); // 5 is still on its way from another process
    expect(w.got).toEqual([]);
    expect(requests[1].after).toBe(4);
    sequencer.receive(activity(5, 4));
    requests[1].answer(page([5, 6]));
    expect(w.got).toEqual([5, 6]);
  });

  it("catches up when an earlier activity was never emitted (its process died after commit)", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    requests[0].answer(page([1]));
    sequencer.receive(activity(3, 2));
    requests[1].answer(page([2, 3]));
    sequencer.receive(activity(4, 3));
    expect(w.got).toEqual([1, 2, 3, 4]);
  });

  it("asks only once for a gap whose earlier activity no longer exists", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    requests[0].answer(page([]));
    sequencer.receive(activity(8, 7)); // 7 was pruned from the log
    requests[1].answer(page([8]));
    sequencer.receive(activity(9, 8));
    expect(w.got).toEqual([8, 9]);
    expect(requests).toHaveLength(2);
  });

  it("checks events that arrived during a catch-up for gaps of their own", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    sequencer.receive(activity(3, 2)); // arrives while the first catch-up is outstanding
    requests[0].answer(page([1])); // its snapshot predates 2 and 3
    expect(w.got).toEqual([1]);
    expect(requests[1].after).toBe(1);
    requests[1].answer(page([2, 3]));
    expect(w.got).toEqual([1, 2, 3]);
  });

  it("keeps a cursor per watcher, so components rendered at different ids each get what they lack", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const early = watch("platform", 5);
    requests[0].answer(page([6, 7]));
    const late = watch("platform", 6);
    requests[1].answer(page([7]));
    sequencer.receive(activity(8, 7));
    expect(early.got).toEqual([6, 7, 8]);
    expect(late.got).toEqual([7, 8]);
  });

  it("unsubscribes a topic only when its last watcher stops", () => {
    const { sequencer, requests, unsubscribed, watch } = setup();
    sequencer.connected();
    const a = watch("platform", 0);
    const b = watch("platform", 0);
    requests[0].answer(page([]));
    requests[1].answer(page([]));
    a.stop();
    expect(unsubscribed).toEqual([]);
    sequencer.receive(activity(1, 0));
    b.stop();
    b.stop();
    expect(unsubscribed).toEqual(["platform"]);
    sequencer.receive(activity(2, 1));
    expect(a.got).toEqual([]);
    expect(b.got).toEqual([1]);
  });

  it("stops delivering as soon as a watcher stops itself mid-batch", () => {
    const { sequencer, requests } = setup();
    sequencer.connected();
    const got: number[] = [];
    const stop = sequencer.watch("platform", 0, (a) => {
      got.push(a.id);
      if (a.id === 2) stop();
    });
    requests[0].answer(page([1, 2, 3]));
    expect(got).toEqual([1, 2]);
  });

  it("reports a refusal and delivers nothing; a reconnect asks again", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("user:other", 0);
    sequencer.receive(activity(1, 0, "user:other"));
    requests[0].answer({ ok: false, error: { code: "forbidden", message: "no" } });
    expect(w.errors).toEqual(["forbidden"]);
    expect(w.got).toEqual([]);
    sequencer.disconnected();
    sequencer.connected();
    expect(requests).toHaveLength(2);
  });

  it("ignores activities on topics nobody watches", () => {
    const { sequencer, requests, watch } = setup();
    sequencer.connected();
    const w = watch("platform", 0);
    requests[0].answer(page([]));
    sequencer.receive(activity(5, 0, "user:me"));
    expect(w.got).toEqual([]);
  });
});
