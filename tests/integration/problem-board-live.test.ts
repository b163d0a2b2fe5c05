import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { boardLiveTopics } from "~/models/problem-board-live.server";
import type { LiveSocket } from "~/realtime/live-client";
import { allianceBoardTopic, allianceTopic, BOARD_TOPIC } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import { addMember, createAlliance, createUser } from "../factories";
import { client, connect, settle, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";

/** New problems announced live: public ones on the board's topic, alliance-only ones to members only. */
describe("new problems on the board, live", () => {
  const server = useTestServer();
  type Person = { id: string; cookie: string };
  const people = { author: {} as Person, member: {} as Person, outsider: {} as Person };
  let alliance: Awaited<ReturnType<typeof createAlliance>>;

  beforeAll(async () => {
    const { db } = server.services;
    alliance = await createAlliance(db);
    const person = async (): Promise<Person> => {
      const { user } = await createUser(db);
      return { id: user.id, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.author = await person();
    people.member = await person();
    people.outsider = await person();
    await addMember(db, { allianceId: alliance.id, userId: people.author.id });
    await addMember(db, { allianceId: alliance.id, userId: people.member.id });
  });

  const open: LiveSocket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  async function listen(person: Person, topics: string[]) {
    const socket = await connect(client(server.url, { cookie: person.cookie }));
    open.push(socket);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));
    const results = [];
    for (const topic of topics) results.push(await subscribe(socket, { topic, after: 0 }));
    return { received, results };
  }

  const post = async (fields: Record<string, string>) => {
    const res = await server.fetch("/problems/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: people.author.cookie },
      body: new URLSearchParams({ body: "正文", urgency: "normal", ...fields }),
    });
    expect(res.status).toBe(303);
    return res.headers.get("location")!.split("/").pop()!;
  };
  const posted = (received: LiveActivity[], id: string) =>
    received.some((a) => a.type === "problem.posted" && a.payload.problemId === id);

  it("gives the board page the board's topic and the viewer's alliances' topics", async () => {
    const { db } = server.services;
    const member = await boardLiveTopics(db, { id: people.member.id, platformRole: null });
    expect(member.map((t) => t.topic).sort()).toEqual([allianceBoardTopic(alliance.id), BOARD_TOPIC].sort());
    const outsider = await boardLiveTopics(db, { id: people.outsider.id, platformRole: null });
    expect(outsider.map((t) => t.topic)).toEqual([BOARD_TOPIC]);
    expect(await boardLiveTopics(db, null)).toEqual([]);
    // The pages hand their live bar the alliance's members-only topic (a name no other data holds) only
    // for members, and only for views a new post would top.
    const html = async (path: string, cookie: string) =>
      (await server.fetch(path, { headers: { cookie } })).text();
    const topic = allianceBoardTopic(alliance.id);
    const tabPath = `/alliances/${alliance.slug}/problems`;
    for (const path of ["/problems", "/problems?sort=unanswered", tabPath]) {
      expect(await html(path, people.member.cookie), path).toContain(topic);
      expect(await html(path, people.outsider.cookie), path).not.toContain(topic);
    }
    for (const path of ["/problems?status=solved", "/problems?sort=endorsed", `${tabPath}?tag=x`]) {
      expect(await html(path, people.member.cookie), path).not.toContain(topic);
    }
  });

  it("announces a public post on the board's topic, after it commits", async () => {
    const member = await listen(people.member, [BOARD_TOPIC]);
    const outsider = await listen(people.outsider, [BOARD_TOPIC]);
    expect(member.results.every((r) => r.ok)).toBe(true);
    expect(outsider.results.every((r) => r.ok)).toBe(true);
    const id = await post({ title: "公开发布的实时难题", visibility: "public", allianceId: alliance.id });
    await until(() => posted(member.received, id), "the public post on the member's board topic");
    await until(() => posted(outsider.received, id), "the public post on the outsider's board topic");
    const activity = member.received.find((a) => a.payload.problemId === id)!;
    expect(activity).toMatchObject({ topic: BOARD_TOPIC, actorId: people.author.id });
  });

  it("announces an alliance-only post to the alliance's members, never to outsiders", async () => {
    const member = await listen(people.member, [BOARD_TOPIC, allianceBoardTopic(alliance.id)]);
    // The outsider follows everything they are let into: the board and the alliance's public topic.
    const outsider = await listen(people.outsider, [
      BOARD_TOPIC,
      allianceTopic(alliance.id),
      allianceBoardTopic(alliance.id),
    ]);
    expect(member.results.map((r) => r.ok)).toEqual([true, true]);
    expect(outsider.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(outsider.results[2]).toMatchObject({ error: { code: "forbidden" } });
    const id = await post({ title: "仅联盟可见的实时难题", visibility: "alliance", allianceId: alliance.id });
    await until(() => posted(member.received, id), "the members-only post on the alliance's board topic");
    expect(member.received.find((a) => a.payload.problemId === id)?.topic).toBe(
      allianceBoardTopic(alliance.id),
    );
    await settle();
    expect(outsider.received.some((a) => a.payload.problemId === id)).toBe(false);
  });

  it("refuses an alliance board topic naming no alliance", async () => {
    const socket = await connect(client(server.url, { cookie: people.member.cookie }));
    open.push(socket);
    expect(await subscribe(socket, { topic: `${BOARD_TOPIC}:x`, after: 0 })).toMatchObject({ ok: false });
    expect(
      await subscribe(socket, { topic: allianceBoardTopic(crypto.randomUUID()), after: 0 }),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
