import crypto from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import {
  activity,
  allianceNotificationLevels,
  auditLog,
  channelMembers,
  channelMessages,
  channels,
  memberships,
  messageMentions,
  notifications,
  sessions,
  users,
} from "../../db/schema/index";
import { channelAccess } from "~/models/channel-access.server";
import { connectDatabase } from "~/utils/db.server";
import { listMessages, sendMessage } from "~/models/channel-messages.server";
import { attachSequencer, type LiveSocket } from "~/realtime/live-client";
import type { MessageResult, MessageView, ReadResult, SubscribeResult } from "~/realtime/protocol";
import { channelTopic, userTopic } from "~/realtime/topics";
import type { Activity, LiveActivity } from "~/realtime/types";
import { createAlliance } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useQueryCounter } from "../setup/query-counter";
import { client, connect, disconnection, settle, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** What a plain send (no mention, no reply, nobody on level `all`) may cost, BEGIN and COMMIT included. */
const SEND_STATEMENTS = 7;

type Person = { id: string; name: string; cookie: string };
type Role = "member" | "organizer" | "chair";

describe("channel messages", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const counter = useQueryCounter();
  const open: LiveSocket[] = [];

  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });

  const db = () => database.db;
  const key = () => `k-${crypto.randomUUID()}`;

  async function person(label: string, allianceId: string | null, role: Role = "member"): Promise<Person> {
    const id = crypto.randomUUID();
    const name = `${label}${crypto.randomBytes(3).toString("hex")}`;
    await db()
      .insert(users)
      .values({ id, email: `${id}@messages.test`, displayName: name, passwordHash: "not-a-real-hash" });
    if (allianceId) {
      await db()
        .insert(memberships)
        .values({ allianceId, userId: id, role, status: "active", joinedAt: new Date() });
    }
    const { cookie } = await signIn(server.services, id);
    return { id, name, cookie };
  }

  /** A fresh alliance with its #general and members, so each test has its own rows and send budgets. */
  async function world() {
    const alliance = await createAlliance(db());
    const [general] = await db()
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
    return {
      alliance,
      general: general.id,
      alice: await person("Alice", alliance.id),
      bob: await person("Bob", alliance.id),
      carol: await person("Carol", alliance.id),
      organizer: await person("Org", alliance.id, "organizer"),
      outsider: await person("Out", null),
    };
  }

  async function channelIn(allianceId: string, kind: "open" | "private", invited: string[] = []) {
    const [channel] = await db()
      .insert(channels)
      .values({ allianceId, slug: `c-${crypto.randomBytes(4).toString("hex")}`, name: "研发", kind })
      .returning({ id: channels.id });
    if (invited.length > 0) {
      await db()
        .insert(channelMembers)
        .values(invited.map((userId) => ({ channelId: channel.id, userId })));
    }
    return channel.id;
  }

  async function socketOf(who: Person) {
    const socket = await connect(client(server.url, { cookie: who.cookie }));
    open.push(socket);
    return socket;
  }

  function request<T = MessageResult>(
    socket: LiveSocket,
    event: string,
    payload: unknown,
    ms = 5000,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no acknowledgement for ${event}`)), ms);
      (socket.emit as (...args: unknown[]) => void)(event, payload, (result: T) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  }

  const send = (socket: LiveSocket, channelId: string, body: string, extra: Record<string, unknown> = {}) =>
    request(socket, "message:send", { channelId, body, clientKey: key(), ...extra });

  function sent(result: MessageResult): MessageView {
    if (!result.ok) throw new Error(`expected a message, got ${JSON.stringify(result.error)}`);
    return result.message;
  }

  /** Live activities of a topic arriving on a socket. */
  async function follow(socket: LiveSocket, topic: string) {
    const received: LiveActivity[] = [];
    socket.on("activity", (a) => {
      if (a.topic === topic) received.push(a);
    });
    const answer = await subscribe(socket, { topic, after: 0 });
    expect(answer.ok).toBe(true);
    return { received, last: answer.ok ? (answer.activities.at(-1)?.id ?? 0) : 0 };
  }

  const rowsOf = (channelId: string) =>
    db()
      .select()
      .from(channelMessages)
      .where(eq(channelMessages.channelId, channelId))
      .orderBy(asc(channelMessages.seq));

  const noticesOf = (userId: string) =>
    db().select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.id));

  async function readPosition(channelId: string, userId: string) {
    const [row] = await db()
      .select({ seq: channelMembers.lastReadSeq })
      .from(channelMembers)
      .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)));
    return row?.seq ?? null;
  }

  it("sends a message, acknowledges it with its view, and moves the channel and the sender's position", async () => {
    const w = await world();
    const socket = await socketOf(w.alice);
    const message = sent(await send(socket, w.general, "  **你好**，各位 <script>alert(1)</script>  "));
    expect(message).toMatchObject({
      channelId: w.general,
      author: { id: w.alice.id, name: w.alice.name },
      body: "**你好**，各位 <script>alert(1)</script>",
      replyTo: null,
      editedAt: null,
      state: "visible",
      hiddenReason: null,
      mentions: [],
    });
    expect(message.bodyHtml).toBe(
      "<p><strong>你好</strong>，各位 &lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
    expect(message.seq).toBeGreaterThan(0);
    const [channel] = await db().select().from(channels).where(eq(channels.id, w.general));
    expect(channel.lastMessageSeq).toBe(message.seq);
    expect(await readPosition(w.general, w.alice.id)).toBe(message.seq);
  });

  it("makes exactly one message and one activity of a send retried with the same key, even concurrently", async () => {
    const w = await world();
    const [first, second] = [await socketOf(w.alice), await socketOf(w.alice)];
    const payload = { channelId: w.general, body: "只发一次", clientKey: key() };
    const answers = await Promise.all([
      request(first, "message:send", payload),
      request(second, "message:send", payload),
      request(first, "message:send", payload),
    ]);
    const again = await request(second, "message:send", payload);
    const ids = new Set([...answers, again].map((a) => sent(a).id));
    expect(ids.size).toBe(1);
    expect([...answers, again].filter((a) => a.ok && a.duplicate)).toHaveLength(3);
    expect(await rowsOf(w.general)).toHaveLength(1);
    const created = await db()
      .select({ id: activity.id })
      .from(activity)
      .where(and(eq(activity.topic, channelTopic(w.general)), eq(activity.type, "message.created")));
    expect(created).toHaveLength(1);

    // The key belongs to its first message: in another channel it is refused, not silently reused.
    const other = await channelIn(w.alliance.id, "open");
    expect(await request(first, "message:send", { ...payload, channelId: other })).toEqual({
      ok: false,
      error: { code: "bad_request", message: "channelMessage.error.clientKeyReused", field: "clientKey" },
    });
    expect(await rowsOf(other)).toHaveLength(0);
  });

  it("delivers messages to another member's socket in the order they were sent", async () => {
    const w = await world();
    const bob = await socketOf(w.bob);
    const { received, last } = await follow(bob, channelTopic(w.general));
    const alice = await socketOf(w.alice);
    const bodies = Array.from({ length: 8 }, (_, i) => `第 ${i} 条`);
    // Emitted back to back: the socket's requests are handled one at a time, in arrival order.
    const answers = await Promise.all(bodies.map((body) => send(alice, w.general, body)));
    const seqs = answers.map((a) => sent(a).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await until(() => received.length === bodies.length, "eight live messages");
    expect(received.map((a) => a.type)).toEqual(bodies.map(() => "message.created"));
    const views = received.map((a) => (a.payload as { message: MessageView }).message);
    expect(views.map((m) => m.seq)).toEqual(seqs);
    // Live payloads are shared by every reader: no Markdown in them.
    expect(views.every((m) => m.body === null && m.author.id === w.alice.id)).toBe(true);
    expect(views.map((m) => m.bodyHtml)).toEqual(bodies.map((b) => `<p>${b}</p>\n`));
    // Each one links to the one before: nothing was skipped.
    expect(received.map((a) => a.prev)).toEqual([last, ...received.slice(0, -1).map((a) => a.id)]);
  });

  it("orders concurrent senders' messages by seq exactly as their activities", async () => {
    const w = await world();
    const senders = await Promise.all([w.alice, w.bob, w.carol, w.organizer].map((who) => socketOf(who)));
    const answers = await Promise.all(
      senders.flatMap((socket, s) =>
        Array.from({ length: 6 }, (_, i) => send(socket, w.general, `${s}-${i}`)),
      ),
    );
    const ids = answers.map((a) => sent(a).id);
    const bySeq = (await rowsOf(w.general)).map((r) => r.id);
    const byActivity = (
      await db()
        .select({ payload: activity.payload })
        .from(activity)
        .where(and(eq(activity.topic, channelTopic(w.general)), eq(activity.type, "message.created")))
        .orderBy(asc(activity.id))
    ).map((a) => (a.payload as { message: MessageView }).message.id);
    expect(new Set(bySeq)).toEqual(new Set(ids));
    expect(byActivity).toEqual(bySeq);
    const [channel] = await db().select().from(channels).where(eq(channels.id, w.general));
    expect(channel.lastMessageSeq).toBe(Math.max(...answers.map((a) => sent(a).seq)));
  });

  it("gives a reconnecting reader every message it missed, exactly once and in order", async () => {
    const w = await world();
    const topic = channelTopic(w.general);
    const alice = await socketOf(w.alice);
    sent(await send(alice, w.general, "before"));
    const first = await socketOf(w.bob);
    const answer = await subscribe(first, { topic, after: 0 });
    const cursor = answer.ok ? answer.activities.at(-1)!.id : -1;
    first.close();
    const missed = [];
    for (const body of ["missed 1", "missed 2", "missed 3"])
      missed.push(sent(await send(alice, w.general, body)));

    const again = await connect(client(server.url, { cookie: w.bob.cookie }));
    open.push(again);
    const got: Activity[] = [];
    attachSequencer(again).watch(topic, cursor, (a) => got.push(a));
    await until(() => got.length === 3, "the missed messages");
    const live = sent(await send(alice, w.general, "live"));
    await until(() => got.length === 4, "the live message");
    await settle();
    const seen = got.map((a) => (a.payload as { message: MessageView }).message.id);
    expect(seen).toEqual([...missed.map((m) => m.id), live.id]);
    expect(got.map((a) => a.id)).toEqual([...got.map((a) => a.id)].sort((a, b) => a - b));
  });

  it("edits one's own message, re-rendered and told to readers; never someone else's", async () => {
    const w = await world();
    const alice = await socketOf(w.alice);
    const bob = await socketOf(w.bob);
    const { received } = await follow(bob, channelTopic(w.general));
    const message = sent(await send(alice, w.general, "初稿"));
    const edited = sent(await request(alice, "message:edit", { messageId: message.id, body: "_定稿_" }));
    expect(edited).toMatchObject({
      id: message.id,
      seq: message.seq,
      body: "_定稿_",
      bodyHtml: "<p><em>定稿</em></p>\n",
    });
    expect(edited.editedAt).not.toBeNull();
    await until(() => received.some((a) => a.type === "message.updated"), "the edit, live");
    expect(received.find((a) => a.type === "message.updated")?.payload).toMatchObject({
      message: { id: message.id, bodyHtml: "<p><em>定稿</em></p>\n", body: null },
    });

    expect(await request(bob, "message:edit", { messageId: message.id, body: "篡改" })).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "channelMessage.error.notEditable" },
    });
    const organizer = await socketOf(w.organizer);
    expect(await request(organizer, "message:edit", { messageId: message.id, body: "篡改" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await request(alice, "message:edit", { messageId: message.id, body: "x".repeat(10_001) }),
    ).toMatchObject({
      ok: false,
      error: { code: "bad_request", field: "body", message: "channelMessage.error.bodyTooLong" },
    });
    const [row] = await rowsOf(w.general);
    expect(row.body).toBe("_定稿_");
  });

  it("deletes one's own message; an organizer deletes anyone's, leaving 'message removed' and an audit entry", async () => {
    const w = await world();
    const alice = await socketOf(w.alice);
    const bob = await socketOf(w.bob);
    const { received } = await follow(bob, channelTopic(w.general));
    const own = sent(await send(alice, w.general, "我自己删"));
    const other = sent(await send(alice, w.general, "@无关 组织者来删"));

    expect(await request(bob, "message:delete", { messageId: other.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "channelMessage.error.notDeletable" },
    });
    const deleted = sent(await request(alice, "message:delete", { messageId: own.id }));
    expect(deleted).toMatchObject({ id: own.id, state: "deleted", bodyHtml: "", body: null, mentions: [] });

    const organizer = await socketOf(w.organizer);
    const removed = sent(await request(organizer, "message:delete", { messageId: other.id }));
    expect(removed).toMatchObject({ id: other.id, state: "deleted", bodyHtml: "", body: null });
    await until(
      () => received.filter((a) => a.type === "message.updated").length === 2,
      "both deletions, live",
    );

    const rows = await rowsOf(w.general);
    expect(rows.map((r) => [r.body, r.bodyHtml, r.deletedById])).toEqual([
      ["", "", w.alice.id],
      ["", "", w.organizer.id],
    ]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.allianceId, w.alliance.id));
    expect(audit.map((a) => [a.action, a.actorId, a.subjectUserId])).toEqual([
      ["channel.message.deleted", w.organizer.id, w.alice.id],
    ]);
    // Deleting again changes nothing and tells nobody.
    expect(sent(await request(alice, "message:delete", { messageId: own.id })).state).toBe("deleted");
    await settle();
    expect(received.filter((a) => a.type === "message.updated")).toHaveLength(2);
    // A removed message can be neither edited nor replied to.
    expect(await request(alice, "message:edit", { messageId: own.id, body: "复活" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await send(bob, w.general, "回复", { replyToId: own.id })).toMatchObject({
      ok: false,
      error: { code: "bad_request", field: "replyToId", message: "channelMessage.error.replyRemoved" },
    });
  });

  it("answers not_found to outsiders and to members not invited to a private channel", async () => {
    const w = await world();
    const secret = await channelIn(w.alliance.id, "private", [w.bob.id]);
    const message = sent(await send(await socketOf(w.bob), secret, "机密"));
    const outsider = await socketOf(w.outsider);
    const alice = await socketOf(w.alice);
    for (const [socket, channelId] of [
      [outsider, w.general],
      [outsider, secret],
      [alice, secret],
      [alice, crypto.randomUUID()],
    ] as const) {
      expect(await send(socket, channelId, "你好")).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    for (const socket of [outsider, alice]) {
      expect(await request(socket, "message:edit", { messageId: message.id, body: "x" })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
      expect(await request(socket, "message:delete", { messageId: message.id })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
      expect(await request<ReadResult>(socket, "channel:read", { channelId: secret, seq: 1 })).toMatchObject({
        ok: false,
        error: { code: "not_found" },
      });
    }
    expect(await rowsOf(w.general)).toHaveLength(0);
  });

  it("refuses writes in an archived channel as forbidden", async () => {
    const w = await world();
    const channelId = await channelIn(w.alliance.id, "open");
    const alice = await socketOf(w.alice);
    const message = sent(await send(alice, channelId, "归档前"));
    await db().update(channels).set({ archivedAt: new Date() }).where(eq(channels.id, channelId));
    const refused = { ok: false, error: { code: "forbidden", message: "channelMessage.error.archived" } };
    expect(await send(alice, channelId, "归档后")).toEqual(refused);
    expect(await request(alice, "message:edit", { messageId: message.id, body: "改" })).toEqual(refused);
    expect(await request(await socketOf(w.organizer), "message:delete", { messageId: message.id })).toEqual(
      refused,
    );
    expect(await rowsOf(channelId)).toHaveLength(1);
  });

  it("refuses a body over 10,000 characters, and malformed payloads, without dropping the connection", async () => {
    const w = await world();
    const socket = await socketOf(w.alice);
    expect(await send(socket, w.general, "字".repeat(10_001))).toEqual({
      ok: false,
      error: { code: "bad_request", message: "channelMessage.error.bodyTooLong", field: "body" },
    });
    const malformed: [string, unknown][] = [
      ["message:send", null],
      ["message:send", "hello"],
      ["message:send", 42],
      ["message:send", [w.general, "hi"]],
      ["message:send", Buffer.from("binary")],
      ["message:send", { channelId: w.general, body: 7, clientKey: key() }],
      ["message:send", { channelId: "general", body: "hi", clientKey: key() }],
      ["message:send", { channelId: w.general, body: "hi", clientKey: "bad key!" }],
      ["message:send", { channelId: w.general, body: "hi", clientKey: key(), replyToId: 12 }],
      ["message:edit", { messageId: "nope", body: "hi" }],
      ["message:edit", { body: "hi" }],
      ["message:delete", "x"],
      ["channel:read", { channelId: w.general, seq: -1 }],
      ["channel:read", { channelId: w.general, seq: "5" }],
      ["channel:read", {}],
    ];
    for (const [event, payload] of malformed) {
      expect(await request(socket, event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
    }
    // Without an acknowledgement a request is ignored; the socket goes on.
    (socket.emit as (...args: unknown[]) => void)("message:send", {
      channelId: w.general,
      body: "x",
      clientKey: key(),
    });
    expect(sent(await send(socket, w.general, "still here")).bodyHtml).toBe("<p>still here</p>\n");
    expect(socket.connected).toBe(true);
    expect((await rowsOf(w.general)).map((r) => r.body)).toEqual(["still here"]);
  });

  it("survives a frame above the size cap: that socket is closed, every other one goes on", async () => {
    const w = await world();
    const bystander = await socketOf(w.bob);
    const { received } = await follow(bystander, channelTopic(w.general));
    const greedy = await socketOf(w.alice);
    const closed = disconnection(greedy);
    (greedy.emit as (...args: unknown[]) => void)(
      "message:send",
      { channelId: w.general, body: "x".repeat(70 * 1024), clientKey: key() },
      () => {},
    );
    expect(await closed).toBe("transport close");
    const after = await socketOf(w.alice);
    sent(await send(after, w.general, "small again"));
    await until(() => received.length === 1, "the next message at the bystander");
    expect(bystander.connected).toBe(true);
    expect((await rowsOf(w.general)).map((r) => r.body)).toEqual(["small again"]);
  });

  it("re-checks the session on every request: once it has ended, the request is refused and the socket closed", async () => {
    const w = await world();
    const { cookie, sessionId } = await signIn(server.services, w.alice.id);
    const socket = await connect(client(server.url, { cookie }));
    open.push(socket);
    await db().delete(sessions).where(eq(sessions.id, sessionId));
    const closed = disconnection(socket);
    expect(await send(socket, w.general, "还在吗")).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: "channelMessage.error.unauthenticated" },
    });
    expect(await closed).toBe("io server disconnect");
    expect(await rowsOf(w.general)).toEqual([]);
  });

  it("limits sending per user: a burst of 10, then 'limit' in the acknowledgement", async () => {
    const w = await world();
    const [first, second] = [await socketOf(w.carol), await socketOf(w.carol)];
    const answers = await Promise.all(
      Array.from({ length: 13 }, (_, i) => send(i % 2 ? second : first, w.general, `刷屏 ${i}`)),
    );
    const refused = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(11);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const answer of refused) {
      expect(answer).toEqual({ ok: false, error: { code: "limit", message: "channelMessage.error.limit" } });
    }
    expect(first.connected && second.connected).toBe(true);
    // Another user is not held back.
    sent(await send(await socketOf(w.bob), w.general, "我不受影响"));
  });

  it("limits subscribes per socket, answering 'limit' and keeping the connection", async () => {
    const w = await world();
    const socket = await socketOf(w.alice);
    const answers = await Promise.all(
      Array.from({ length: 260 }, () =>
        request<SubscribeResult>(socket, "subscribe", { topic: "not a topic", after: 0 }, 10_000),
      ),
    );
    const codes = answers.map((a) => (a.ok ? "ok" : a.error.code));
    expect(codes.filter((c) => c === "limit").length).toBeGreaterThanOrEqual(40);
    expect(codes.filter((c) => c !== "limit").every((c) => c === "bad_request")).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it(`sends a plain message in at most ${SEND_STATEMENTS} statements, the transaction included`, async () => {
    const w = await world();
    const viewer = { id: w.alice.id, platformRole: null };
    const counted = connectDatabase(counter.url, { max: 1 });
    try {
      // postgres.js reads the server's types on a new connection: not part of what is counted.
      await counted.db.execute(sql`select 1`);
      const emitted: LiveActivity[] = [];
      const services = {
        db: counted.db,
        realtime: { ...server.services.realtime, emit: (a: LiveActivity[]) => emitted.push(...a) },
      };
      const statements = await counter.count(async () => {
        sent(await sendMessage(services, viewer, { channelId: w.general, body: "plain", clientKey: key() }));
      });
      expect(emitted.map((a) => a.type).sort()).toEqual(["channel.read", "message.created"]);
      expect(statements).toBeLessThanOrEqual(SEND_STATEMENTS);
    } finally {
      await counted.close();
    }
  });

  it("pages history backwards and forwards in one query each, oldest first", async () => {
    const w = await world();
    const viewer = { id: w.alice.id, platformRole: null };
    const views = [];
    for (let i = 0; i < 7; i++) {
      const result = await sendMessage(server.services, viewer, {
        channelId: w.general,
        body: `h${i}`,
        clientKey: key(),
      });
      views.push(sent(result));
    }
    const seqs = views.map((v) => v.seq);
    const channel = (await channelAccess(db(), viewer, w.general))!;
    const page = (p: Parameters<typeof listMessages>[3]) => listMessages(db(), viewer, channel, p);
    const summary = (r: Awaited<ReturnType<typeof listMessages>>) => ({
      seqs: r.messages.map((m) => m.seq),
      hasOlder: r.hasOlder,
      hasNewer: r.hasNewer,
    });

    expect(summary(await page({ limit: 3 }))).toEqual({
      seqs: seqs.slice(4),
      hasOlder: true,
      hasNewer: false,
    });
    expect(summary(await page({ limit: 3, before: seqs[4] }))).toEqual({
      seqs: seqs.slice(1, 4),
      hasOlder: true,
      hasNewer: true,
    });
    expect(summary(await page({ limit: 3, before: seqs[1] }))).toEqual({
      seqs: seqs.slice(0, 1),
      hasOlder: false,
      hasNewer: true,
    });
    expect(summary(await page({ limit: 3, after: seqs[1] }))).toEqual({
      seqs: seqs.slice(2, 5),
      hasOlder: true,
      hasNewer: true,
    });
    expect(summary(await page({ limit: 3, after: 0 }))).toEqual({
      seqs: seqs.slice(0, 3),
      hasOlder: false,
      hasNewer: true,
    });
    expect(summary(await page({ limit: 10, after: seqs[4] }))).toEqual({
      seqs: seqs.slice(5),
      hasOlder: true,
      hasNewer: false,
    });
    // The viewer's own messages carry their Markdown; another reader's view does not.
    expect((await page({ limit: 1 })).messages[0].body).toBe("h6");
    const bob = { id: w.bob.id, platformRole: null };
    const bobs = await listMessages(db(), bob, (await channelAccess(db(), bob, w.general))!, { limit: 1 });
    expect(bobs.messages[0]).toMatchObject({ body: null, bodyHtml: "<p>h6</p>\n" });
  });

  it("moves the read position only forward, never past the newest message, and tells the user's tabs", async () => {
    const w = await world();
    const alice = await socketOf(w.alice);
    const [a, b] = [sent(await send(alice, w.general, "一")), sent(await send(alice, w.general, "二"))];
    const bob = await socketOf(w.bob);
    const { received } = await follow(bob, userTopic(w.bob.id));
    const read = (seq: number) => request<ReadResult>(bob, "channel:read", { channelId: w.general, seq });

    expect(await read(b.seq)).toEqual({ ok: true });
    expect(await readPosition(w.general, w.bob.id)).toBe(b.seq);
    expect(await read(a.seq)).toEqual({ ok: true });
    expect(await readPosition(w.general, w.bob.id)).toBe(b.seq);
    await until(() => received.some((r) => r.type === "channel.read"), "channel.read on the user's topic");
    expect(received.filter((r) => r.type === "channel.read").map((r) => r.payload)).toEqual([
      { channelId: w.general, seq: b.seq, notificationsRead: 0 },
    ]);
    // A position beyond the channel's newest message stops at it.
    const c = sent(await send(alice, w.general, "三"));
    expect(await read(c.seq + 1000)).toEqual({ ok: true });
    expect(await readPosition(w.general, w.bob.id)).toBe(c.seq);
  });

  it("records mentions of members who can read the channel, marks them, and notifies them live", async () => {
    const w = await world();
    const carol = await socketOf(w.carol);
    const { received } = await follow(carol, userTopic(w.carol.id));
    const alice = await socketOf(w.alice);
    const message = sent(
      await send(alice, w.general, `@${w.carol.name} 请看一下，抄送 @${w.outsider.name} 和 @${w.alice.name}`),
    );
    expect(message.mentions.sort()).toEqual([w.alice.id, w.carol.id].sort());
    expect(message.bodyHtml).toContain(
      `<span class="mention" data-user-id="${w.carol.id}">@${w.carol.name}</span>`,
    );
    expect(message.bodyHtml).not.toContain(`data-user-id="${w.outsider.id}"`);
    const mentions = await db()
      .select()
      .from(messageMentions)
      .where(eq(messageMentions.messageId, message.id));
    expect(mentions.map((m) => m.userId).sort()).toEqual([w.alice.id, w.carol.id].sort());

    await until(() => received.some((a) => a.type === "notification"), "the mention notification, live");
    const [notice] = await noticesOf(w.carol.id);
    expect(notice).toMatchObject({
      type: "channel.mention",
      href: `/channels/${w.general}?message=${message.id}`,
      data: {
        allianceId: w.alliance.id,
        channelId: w.general,
        channel: "general",
        messageId: message.id,
        actor: w.alice.name,
      },
    });
    expect(String(notice.data.excerpt)).toContain("请看一下");
    expect(received.find((a) => a.type === "notification")?.payload).toMatchObject({
      id: notice.id,
      type: "channel.mention",
    });
    // The author never hears about their own message; outsiders are not mentioned at all.
    expect(await noticesOf(w.alice.id)).toEqual([]);
    expect(await noticesOf(w.outsider.id)).toEqual([]);

    // Editing notifies only those newly mentioned.
    sent(
      await request(alice, "message:edit", {
        messageId: message.id,
        body: `@${w.carol.name} @${w.bob.name} 改过了`,
      }),
    );
    expect((await noticesOf(w.carol.id)).length).toBe(1);
    expect((await noticesOf(w.bob.id)).map((n) => n.type)).toEqual(["channel.mention"]);
  });

  it("mentions in a private channel only those invited", async () => {
    const w = await world();
    const secret = await channelIn(w.alliance.id, "private", [w.bob.id, w.carol.id]);
    const bob = await socketOf(w.bob);
    const message = sent(await send(bob, secret, `@${w.alice.name} @${w.carol.name}`));
    expect(message.mentions).toEqual([w.carol.id]);
    expect(await noticesOf(w.alice.id)).toEqual([]);
    expect((await noticesOf(w.carol.id)).map((n) => n.type)).toEqual(["channel.mention"]);
  });

  it("tells the author of the message replied to, quoting it, and refuses replies to another channel's messages", async () => {
    const w = await world();
    const alice = await socketOf(w.alice);
    const bob = await socketOf(w.bob);
    const original = sent(await send(alice, w.general, "**明天**开会吗？"));
    const reply = sent(await send(bob, w.general, "开，九点。", { replyToId: original.id }));
    expect(reply.replyTo).toEqual({ id: original.id, authorName: w.alice.name, excerpt: "明天开会吗？" });
    expect((await noticesOf(w.alice.id)).map((n) => [n.type, n.data.messageId])).toEqual([
      ["channel.reply", reply.id],
    ]);

    const elsewhere = sent(await send(alice, await channelIn(w.alliance.id, "open"), "别处"));
    for (const replyToId of [elsewhere.id, crypto.randomUUID()]) {
      expect(await send(bob, w.general, "回错了", { replyToId })).toEqual({
        ok: false,
        error: { code: "bad_request", message: "channelMessage.error.replyInvalid", field: "replyToId" },
      });
    }
  });

  it("follows each member's level for the alliance: none silences, all rings once per channel until read", async () => {
    const w = await world();
    await db()
      .insert(allianceNotificationLevels)
      .values([
        { userId: w.carol.id, allianceId: w.alliance.id, level: "none" },
        { userId: w.bob.id, allianceId: w.alliance.id, level: "all" },
      ]);
    const alice = await socketOf(w.alice);
    const first = sent(await send(alice, w.general, `@${w.carol.name} 在吗？`));
    sent(await send(alice, w.general, "第二条"));
    expect(await noticesOf(w.carol.id)).toEqual([]);
    expect((await noticesOf(w.bob.id)).map((n) => [n.type, n.data.messageId])).toEqual([
      ["channel.message", first.id],
    ]);

    const bob = await socketOf(w.bob);
    const { received } = await follow(bob, userTopic(w.bob.id));
    const last = (await rowsOf(w.general)).at(-1)!.seq;
    expect(await request<ReadResult>(bob, "channel:read", { channelId: w.general, seq: last })).toEqual({
      ok: true,
    });
    expect((await noticesOf(w.bob.id)).every((n) => n.readAt !== null)).toBe(true);
    await until(() => received.some((a) => a.type === "channel.read"), "channel.read");
    expect(received.find((a) => a.type === "channel.read")?.payload).toMatchObject({ notificationsRead: 1 });

    const third = sent(await send(alice, w.general, "第三条"));
    expect((await noticesOf(w.bob.id)).map((n) => n.data.messageId)).toEqual([first.id, third.id]);
    // A mention still reaches someone at `all`, as a mention.
    sent(await send(alice, w.general, `@${w.bob.name} 你看`));
    expect((await noticesOf(w.bob.id)).map((n) => n.type)).toEqual([
      "channel.message",
      "channel.message",
      "channel.mention",
    ]);
  });

  describe("over HTTP", () => {
    const form = (cookie: string | undefined, channelId: string, fields: Record<string, string>) =>
      server.fetch(`/channels/${channelId}/messages`, post(fields, cookie ? { cookie } : {}));

    it("sends, edits, deletes and reads with the same rules and answers as the socket", async () => {
      const w = await world();
      const res = await form(w.alice.cookie, w.general, {
        intent: "send",
        body: "表单发送",
        clientKey: key(),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: boolean; message: MessageView };
      expect(body).toMatchObject({ ok: true, message: { body: "表单发送", bodyHtml: "<p>表单发送</p>\n" } });
      const id = body.message.id;

      const edit = await form(w.alice.cookie, w.general, { intent: "edit", messageId: id, body: "改过" });
      expect(edit.status).toBe(200);
      expect(await form(w.bob.cookie, w.general, { intent: "edit", messageId: id, body: "x" })).toMatchObject(
        {
          status: 403,
        },
      );
      // A message is found only under its own channel's address.
      const other = await channelIn(w.alliance.id, "open");
      expect((await form(w.alice.cookie, other, { intent: "delete", messageId: id })).status).toBe(404);
      expect(
        (await form(w.bob.cookie, w.general, { intent: "read", seq: String(body.message.seq) })).status,
      ).toBe(200);
      expect(await readPosition(w.general, w.bob.id)).toBe(body.message.seq);
      const removed = await form(w.organizer.cookie, w.general, { intent: "delete", messageId: id });
      expect(removed.status).toBe(200);
      expect(((await removed.json()) as { message: MessageView }).message.state).toBe("deleted");
    });

    it("answers bad input with 400 and the field's message, keeping what was typed", async () => {
      const w = await world();
      const long = "长".repeat(10_001);
      const res = await form(w.alice.cookie, w.general, { intent: "send", body: long, clientKey: key() });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        ok: boolean;
        error: { code: string; field: string; message: string };
        result: { initialValue: Record<string, string>; error: Record<string, string[]> };
      };
      expect(body.error).toEqual({
        code: "bad_request",
        field: "body",
        message: "channelMessage.error.bodyTooLong",
      });
      expect(body.result.initialValue.body).toBe(long);
      expect(body.result.error.body).toEqual(["channelMessage.error.bodyTooLong"]);

      const reply = await form(w.alice.cookie, w.general, {
        intent: "send",
        body: "回复",
        clientKey: key(),
        replyToId: crypto.randomUUID(),
      });
      expect(reply.status).toBe(400);
      const replied = (await reply.json()) as {
        result: { initialValue: Record<string, string>; error: Record<string, string[]> };
      };
      expect(replied.result.error.replyToId).toEqual(["channelMessage.error.replyInvalid"]);
      expect(replied.result.initialValue.body).toBe("回复");
      expect((await form(w.alice.cookie, w.general, { intent: "shout", body: "x" })).status).toBe(400);
      expect(await rowsOf(w.general)).toEqual([]);
    });

    it("sends visitors to log in, and hides channels the user cannot see", async () => {
      const w = await world();
      const anonymous = await form(undefined, w.general, { intent: "send", body: "hi", clientKey: key() });
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toBe(
        `/login?${new URLSearchParams({ redirectTo: `/channels/${w.general}/messages` })}`,
      );
      for (const [who, channelId] of [
        [w.outsider, w.general],
        [w.alice, "not-a-uuid"],
        [w.alice, crypto.randomUUID()],
      ] as const) {
        const res = await form(who.cookie, channelId, { intent: "send", body: "hi", clientKey: key() });
        expect(res.status, `${who.name} ${channelId}`).toBe(404);
      }
      await db().update(channels).set({ archivedAt: new Date() }).where(eq(channels.id, w.general));
      expect(
        (await form(w.alice.cookie, w.general, { intent: "send", body: "hi", clientKey: key() })).status,
      ).toBe(403);
      expect(
        (await server.fetch(`/channels/${w.general}/messages`, { headers: { cookie: w.alice.cookie } }))
          .status,
      ).toBe(405);
      expect(await rowsOf(w.general)).toEqual([]);
    });
  });
});
