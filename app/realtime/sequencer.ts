import type { RealtimeError, SubscribeResult } from "./protocol";
import type { Activity, LiveActivity } from "./types";

/** What the sequencer needs from a connection; live-client.ts adapts a Socket.IO socket to it. */
export type SequencerTransport = {
  subscribe(topic: string, after: number, done: (result: SubscribeResult) => void): void;
  unsubscribe(topic: string): void;
};

export type WatchOptions = { onError?: (error: RealtimeError) => void };

type Buffered = {
  activity: LiveActivity;
  /**
   * Set when a catch-up was requested after this event arrived. Its `prev` had committed before it was
   * published, so that catch-up returns `prev` unless the row no longer exists: no need to ask twice.
   */
  covered: boolean;
};

type Watch = {
  topic: string;
  /** The newest id handed to this watcher: it receives only ids above it, so each activity once. */
  last: number;
  onActivity: (activity: Activity) => void;
  onError?: (error: RealtimeError) => void;
  /** Bumped on every request; an answer to an older request is stale and ignored. */
  request: number;
  /** Live events held while a catch-up is outstanding (null when none is). */
  buffer: Buffered[] | null;
  stopped: boolean;
};

/**
 * Exactly-once, in-order delivery per watcher on top of an at-least-once socket (DESIGN §4).
 *
 * Each watcher keeps its own cursor: two components on one topic may have rendered at different ids.
 * While a watcher's subscribe is outstanding, live events are buffered; the answer's catch-up is applied
 * first, then the buffer, each activity only if its id is above the cursor. A live event whose `prev`
 * is above the cursor overtook an earlier one (or the earlier one was never emitted): the watcher
 * catches up from its cursor before going on. On every (re)connect every watcher subscribes again from
 * its cursor, so a dropped connection or a restarted server loses nothing.
 */
export class Sequencer {
  #watches = new Map<string, Set<Watch>>();
  #connected = false;

  constructor(private readonly transport: SequencerTransport) {}

  /** Delivers the topic's activities after `after`, live from now on. Returns the function that stops it. */
  watch(
    topic: string,
    after: number,
    onActivity: (activity: Activity) => void,
    options: WatchOptions = {},
  ): () => void {
    const watch: Watch = {
      topic,
      last: after,
      onActivity,
      onError: options.onError,
      request: 0,
      buffer: null,
      stopped: false,
    };
    let watches = this.#watches.get(topic);
    if (!watches) this.#watches.set(topic, (watches = new Set()));
    watches.add(watch);
    if (this.#connected) this.#catchUp(watch, []);
    return () => {
      const current = this.#watches.get(topic);
      if (!current?.delete(watch)) return;
      watch.stopped = true;
      if (current.size > 0) return;
      this.#watches.delete(topic);
      if (this.#connected) this.transport.unsubscribe(topic);
    };
  }

  /** The connection is up (again): the server remembers no subscriptions, so ask for every topic anew. */
  connected(): void {
    this.#connected = true;
    for (const watches of this.#watches.values()) for (const watch of watches) this.#catchUp(watch, []);
  }

  /** Outstanding answers will never come; the next connect re-asks from each cursor. */
  disconnected(): void {
    this.#connected = false;
    for (const watches of this.#watches.values()) {
      for (const watch of watches) {
        watch.request++;
        watch.buffer = null;
      }
    }
  }

  /** A live activity from the socket. */
  receive(activity: LiveActivity): void {
    for (const watch of this.#watches.get(activity.topic) ?? []) {
      if (watch.buffer) watch.buffer.push({ activity, covered: false });
      else this.#apply(watch, [{ activity, covered: false }]);
    }
  }

  /** Delivers live events in id order until one shows a gap; from there, catches up first. */
  #apply(watch: Watch, events: Buffered[]): void {
    events.sort((a, b) => a.activity.id - b.activity.id);
    for (const [index, { activity, covered }] of events.entries()) {
      if (watch.stopped) return;
      if (activity.id <= watch.last) continue;
      if (!covered && activity.prev > watch.last) return this.#catchUp(watch, events.slice(index));
      deliver(watch, activity);
    }
  }

  #catchUp(watch: Watch, pending: Buffered[]): void {
    const request = ++watch.request;
    watch.buffer = pending.map((event) => ({ ...event, covered: true }));
    this.transport.subscribe(watch.topic, watch.last, (result) => {
      if (watch.request !== request || watch.stopped) return;
      const buffered = watch.buffer ?? [];
      if (!result.ok) {
        watch.buffer = null;
        watch.onError?.(result.error);
        return;
      }
      for (const activity of result.activities) deliver(watch, activity);
      // A full page: fetch the rest before any buffered (newer) event, or those would jump the queue.
      if (result.more) return this.#catchUp(watch, buffered);
      watch.buffer = null;
      this.#apply(watch, buffered);
    });
  }
}

function deliver(watch: Watch, activity: Activity): void {
  // A watcher's own callback may stop it halfway through a batch.
  if (watch.stopped || activity.id <= watch.last) return;
  watch.last = activity.id;
  watch.onActivity(activity);
}
