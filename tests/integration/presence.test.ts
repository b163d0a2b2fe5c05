import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { channelMembers, channels } from "../../db/schema/index";
import type { LiveSocket } from "~/realtime/live-client";
import type { PresenceEvent, TypingEvent } from "~/realtime/protocol";
import { channelTopic } from "~/realtime/topics";
import { addMember, createAlliance } from "../factories";
import { client, connect, createUser, settle, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";

/** Who is online in an alliance, and who is typing in a channel, over real sockets. */
describe("presence and typing", () => {
  const server = useTestServer();
  const open: LiveSocket[] = [];

  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });

  type Person = { id: string; cookie: string };

  async function person(platformRole: "admin" | null = null): Promise<Person> {
    const { id } = await createUser(server.services.db, platformRole);
    return { id, cookie: (await signIn(server.services, id)).cookie };
  }

  /** An alliance with `count` active members (and #general, which every alliance gets). */
  async function allianceWith(count: number) {
    const alliance = await createAlliance(server.services.db);
    const members: Person[] = [];
    for (let i = 0; i < count; i++) {
      const member = await person();
      await addMember(server.services.db, { allianceId: alliance.id, userId: member.id });
      members.push(member);
    }
    const [general] = await server.services.db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
    return { allianceId: alliance.id, general: general.id, members };
  }

  async function tab(who: Person) {
    const socket = await connect(client(server.url, { cookie: who.cookie }));
    open.push(socket);
    const presence: PresenceEvent[] = [];
    const typing: TypingEvent[] = [];
    socket.on("presence", (event) => presence.push(event));
    socket.on("typing", (event) => typing.push(event));
    return { socket, presence, typing };
  }

  const watch = (socket: LiveSocket, payload: unknown) =>
    (socket.emitWithAck as (event: string, payload: unknown) => Promise<unknown>)("presence:watch", payload);
  const type = (socket: LiveSocket, payload: unknown) =>
    (socket.emitWithAck as (event: string, payload: unknown) => Promise<unknown>)("typing", payload);
  const ids = (answer: unknown) =>
    ((answer as { online: { userId: string }[] }).online ?? []).map((person) => person.userId).sort();

  it("lists everyone online, each once, and tells arrivals and departures", async () => {
    const { allianceId, members } = await allianceWith(2);
    const [ann, bo] = members;
    const annTab = await tab(ann);
    expect(ids(await watch(annTab.socket, { allianceId }))).toEqual([ann.id]);

    const boTab = await tab(bo);
    const boAnswer = await watch(boTab.socket, { allianceId });
    expect(boAnswer).toMatchObject({ ok: true });
    expect(ids(boAnswer)).toEqual([ann.id, bo.id].sort());
    await until(() => annTab.presence.some((e) => e.userId === bo.id && e.online), "Bo's arrival at Ann's");
    expect(annTab.presence.find((e) => e.userId === bo.id)).toMatchObject({
      allianceId,
      online: true,
      name: expect.stringMatching(/^Live /),
    });

    // A second tab of Bo's: listed once, and no second arrival.
    const boSecond = await tab(bo);
    expect(ids(await watch(boSecond.socket, { allianceId }))).toEqual([ann.id, bo.id].sort());
    await settle();
    expect(annTab.presence.filter((e) => e.userId === bo.id)).toHaveLength(1);

    // Closing one of two tabs is no departure; closing the last one is.
    boSecond.socket.disconnect();
    await settle();
    expect(annTab.presence.filter((e) => e.userId === bo.id && !e.online)).toEqual([]);
    boTab.socket.disconnect();
    await until(
      () => annTab.presence.some((e) => e.userId === bo.id && !e.online),
      "Bo's departure at Ann's",
    );
    expect(ids(await watch(annTab.socket, { allianceId }))).toEqual([ann.id]);
  });

  it("tells a departure on unwatch, and re-watching after a reconnect counts again", async () => {
    const { allianceId, members } = await allianceWith(2);
    const [ann, bo] = members;
    const annTab = await tab(ann);
    const boTab = await tab(bo);
    await watch(annTab.socket, { allianceId });
    await watch(boTab.socket, { allianceId });
    expect(await boTab.socket.emitWithAck("presence:unwatch", { allianceId })).toEqual({ ok: true });
    await until(() => annTab.presence.some((e) => e.userId === bo.id && !e.online), "Bo's departure");
    expect(ids(await watch(annTab.socket, { allianceId }))).toEqual([ann.id]);
    expect(ids(await watch(boTab.socket, { allianceId }))).toEqual([ann.id, bo.id].sort());
    await until(
      () => annTab.presence.filter((e) => e.userId === bo.id && e.online).length === 2,
      "Bo's second arrival",
    );
  });

  it("refuses outsiders, applicants and bad requests in the acknowledgement, keeping the socket", async () => {
    const { allianceId } = await allianceWith(1);
    const outsider = await tab(await person());
    expect(await watch(outsider.socket, { allianceId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await watch(outsider.socket, { allianceId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await watch(outsider.socket, { allianceId: "not-a-uuid" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    for (const payload of [null, "x", { allianceId: 5 }, { allianceId, extra: true }]) {
      expect(await watch(outsider.socket, payload)).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
    }
    const applicant = await person();
    await addMember(server.services.db, { allianceId, userId: applicant.id, status: "pending" });
    const applicantTab = await tab(applicant);
    expect(await watch(applicantTab.socket, { allianceId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(outsider.socket.connected && applicantTab.socket.connected).toBe(true);
  });

  it("lets a platform operator watch without counting as present", async () => {
    const { allianceId, members } = await allianceWith(1);
    const memberTab = await tab(members[0]);
    await watch(memberTab.socket, { allianceId });
    const admin = await tab(await person("admin"));
    expect(ids(await watch(admin.socket, { allianceId }))).toEqual([members[0].id]);
    await settle();
    expect(memberTab.presence).toEqual([]);
  });

  it("relays typing to the channel's other readers, never to the typist, at most every 3 s", async () => {
    const { general, members } = await allianceWith(2);
    const [ann, bo] = members;
    const annTab = await tab(ann);
    const annOther = await tab(ann);
    const boTab = await tab(bo);
    for (const t of [annTab, annOther, boTab]) {
      expect((await subscribe(t.socket, { topic: channelTopic(general), after: 0 })).ok).toBe(true);
    }
    expect(await type(annTab.socket, { channelId: general })).toEqual({
      ok: true,
      relayed: true,
      large: false,
    });
    await until(() => boTab.typing.length === 1, "Ann's typing at Bo's");
    expect(boTab.typing[0]).toEqual({
      channelId: general,
      userId: ann.id,
      name: expect.stringMatching(/^Live /),
    });

    // Throttled: again at once, from either of Ann's tabs, relays nothing.
    expect(await type(annTab.socket, { channelId: general })).toEqual({
      ok: true,
      relayed: false,
      large: false,
    });
    expect(await type(annOther.socket, { channelId: general })).toEqual({
      ok: true,
      relayed: false,
      large: false,
    });
    // Bo's own notice is his own throttle, and reaches both of Ann's tabs.
    expect(await type(boTab.socket, { channelId: general })).toMatchObject({ ok: true, relayed: true });
    await until(
      () => annTab.typing.length === 1 && annOther.typing.length === 1,
      "Bo's typing at Ann's tabs",
    );
    await settle();
    expect(boTab.typing).toHaveLength(1);
    expect(annTab.typing.map((e) => e.userId)).toEqual([bo.id]);
  }, 15_000);

  it("does not relay typing in a channel read by more than 100 people", async () => {
    const { allianceId, general, members } = await allianceWith(2);
    const [ann, bo] = members;
    await server.services.db.execute(sql`
      with made as (
        insert into users (id, email, display_name, password_hash)
        select 'crowd-' || n || '-' || ${allianceId}, 'crowd-' || n || '-' || ${allianceId} || '@test.qilian.example',
          '旁听者 ' || n, 'x'
        from generate_series(1, 99) n
        returning id
      )
      insert into memberships (alliance_id, user_id, role, status, joined_at)
      select ${allianceId}::uuid, id, 'member', 'active', now() from made`);
    const annTab = await tab(ann);
    const boTab = await tab(bo);
    expect((await subscribe(boTab.socket, { topic: channelTopic(general), after: 0 })).ok).toBe(true);
    expect(await type(annTab.socket, { channelId: general })).toEqual({
      ok: true,
      relayed: false,
      large: true,
    });
    await settle();
    expect(boTab.typing).toEqual([]);

    // A private channel of that alliance counts only the people invited to it.
    const [secret] = await server.services.db
      .insert(channels)
      .values({
        allianceId,
        slug: `secret-${crypto.randomUUID().slice(0, 6)}`,
        name: "secret",
        kind: "private",
      })
      .returning({ id: channels.id });
    await server.services.db.insert(channelMembers).values([
      { channelId: secret.id, userId: ann.id },
      { channelId: secret.id, userId: bo.id },
    ]);
    expect((await subscribe(boTab.socket, { topic: channelTopic(secret.id), after: 0 })).ok).toBe(true);
    expect(await type(annTab.socket, { channelId: secret.id })).toEqual({
      ok: true,
      relayed: true,
      large: false,
    });
    await until(() => boTab.typing.length === 1, "typing in the small private channel");
  });

  it("ignores typing from outsiders and in channels one cannot see, with an error in the ack", async () => {
    const { general, members } = await allianceWith(1);
    const memberTab = await tab(members[0]);
    expect((await subscribe(memberTab.socket, { topic: channelTopic(general), after: 0 })).ok).toBe(true);
    const outsider = await tab(await person());
    expect(await type(outsider.socket, { channelId: general })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    for (const payload of [{ channelId: "nope" }, { channelId: crypto.randomUUID() }]) {
      expect(await type(outsider.socket, payload)).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await type(outsider.socket, { channel: general })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
    await settle();
    expect(memberTab.typing).toEqual([]);
    expect(outsider.socket.connected).toBe(true);
  });
});
