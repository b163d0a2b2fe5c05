import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { channelMembers, channels } from "../../db/schema/index";
import { sendMessage } from "~/models/channel-messages.server";
import type { LiveSocket } from "~/realtime/live-client";
import { channelTopic } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, disconnection, settle, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/**
 * Leaving an alliance, being removed from it or from a private channel, and logging out close access
 * at once: over real sockets, a message sent afterwards reaches a control member and not the one who
 * lost access.
 */
describe("closing channel access", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  const sockets: LiveSocket[] = [];

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  type Person = { id: string; cookie: string; name: string };

  async function person(
    allianceId: string,
    role: "member" | "organizer" | "chair" = "member",
  ): Promise<Person> {
    const { user } = await createUser(database.db);
    await addMember(database.db, { allianceId, userId: user.id, role });
    return { id: user.id, name: user.displayName, cookie: (await signIn(server.services, user.id)).cookie };
  }

  /** An alliance with its chair, the person who will lose access, a control member, and a private channel for both. */
  async function setting() {
    const alliance = await createAlliance(database.db, { joinPolicy: "open" });
    const chair = await person(alliance.id, "chair");
    const leaver = await person(alliance.id);
    const control = await person(alliance.id);
    const [general] = await database.db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.allianceId, alliance.id), eq(channels.kind, "general")));
    const [secret] = await database.db
      .insert(channels)
      .values({
        allianceId: alliance.id,
        slug: "secret",
        name: "secret",
        kind: "private",
        createdById: chair.id,
      })
      .returning({ id: channels.id });
    await database.db
      .insert(channelMembers)
      .values([chair, leaver, control].map((p) => ({ channelId: secret.id, userId: p.id })));
    return { alliance, chair, leaver, control, generalId: general.id, secretId: secret.id };
  }

  /** A socket following the topics, and every message.created that reaches it. */
  async function listen(who: Person, channelIds: string[]) {
    const socket = await connect(client(server.url, { cookie: who.cookie }));
    sockets.push(socket);
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => {
      if (activity.type === "message.created") received.push(activity);
    });
    for (const id of channelIds) {
      expect((await subscribe(socket, { topic: channelTopic(id), after: 0 })).ok).toBe(true);
    }
    const bodies = (channelId: string) =>
      received
        .filter((a) => a.topic === channelTopic(channelId))
        .map((a) => (a.payload as { message: { bodyHtml: string } }).message.bodyHtml);
    return { socket, received, bodies };
  }

  async function send(who: Person, channelId: string, body: string) {
    const result = await sendMessage(
      server.services,
      { id: who.id, platformRole: null },
      {
        channelId,
        body,
        clientKey: crypto.randomUUID(),
      },
    );
    expect(result.ok).toBe(true);
  }

  /** Sends `body`, waits until the control sees it, then gives the other socket time to get it too. */
  async function sendAndSettle(
    who: Person,
    channelId: string,
    body: string,
    control: Awaited<ReturnType<typeof listen>>,
  ) {
    await send(who, channelId, body);
    await until(
      () => control.bodies(channelId).some((html) => html.includes(body)),
      `the control to get "${body}"`,
    );
    await settle();
  }

  it("a member who leaves the alliance gets no further message from any of its channels", async () => {
    const s = await setting();
    const leaver = await listen(s.leaver, [s.generalId, s.secretId]);
    const control = await listen(s.control, [s.generalId, s.secretId]);

    // Before leaving, both hear the channel.
    await sendAndSettle(s.chair, s.generalId, "离开之前", control);
    expect(leaver.bodies(s.generalId).join()).toContain("离开之前");

    const res = await server.fetch(
      `/alliances/${s.alliance.slug}/membership`,
      post({ intent: "leave" }, { cookie: s.leaver.cookie }),
    );
    expect(res.status).toBeLessThan(400);

    await sendAndSettle(s.chair, s.generalId, "离开之后的公开消息", control);
    await sendAndSettle(s.chair, s.secretId, "离开之后的私密消息", control);
    expect(leaver.bodies(s.generalId).join()).not.toContain("离开之后");
    expect(leaver.bodies(s.secretId).join()).not.toContain("离开之后");
    // The socket itself stays: only the alliance's rooms closed.
    expect(leaver.socket.connected).toBe(true);
    // Coming back by subscribing is refused, and the private invitation went with the membership.
    const again = await subscribe(leaver.socket, { topic: channelTopic(s.generalId), after: 0 });
    expect(again.ok).toBe(false);
    const invitations = await database.db
      .select()
      .from(channelMembers)
      .where(and(eq(channelMembers.channelId, s.secretId), eq(channelMembers.userId, s.leaver.id)));
    expect(invitations).toEqual([]);
  });

  it("a member removed by an organizer gets no further message", async () => {
    const s = await setting();
    const removed = await listen(s.leaver, [s.generalId, s.secretId]);
    const control = await listen(s.control, [s.generalId, s.secretId]);
    await sendAndSettle(s.chair, s.generalId, "移出之前", control);
    expect(removed.bodies(s.generalId).join()).toContain("移出之前");

    const res = await server.fetch(
      `/alliances/${s.alliance.slug}/members`,
      post({ intent: "remove", userId: s.leaver.id, reason: "测试移出" }, { cookie: s.chair.cookie }),
    );
    expect(res.status).toBe(200);

    await sendAndSettle(s.chair, s.generalId, "移出之后的公开消息", control);
    await sendAndSettle(s.control, s.secretId, "移出之后的私密消息", control);
    expect(removed.bodies(s.generalId).join()).not.toContain("移出之后");
    expect(removed.bodies(s.secretId).join()).not.toContain("移出之后");
  });

  it("someone taken out of a private channel stops hearing it and still hears the others", async () => {
    const s = await setting();
    const removed = await listen(s.leaver, [s.generalId, s.secretId]);
    const control = await listen(s.control, [s.generalId, s.secretId]);
    await sendAndSettle(s.chair, s.secretId, "移出频道之前", control);
    expect(removed.bodies(s.secretId).join()).toContain("移出频道之前");

    const res = await server.fetch(
      `/channels/${s.secretId}/settings`,
      post({ intent: "remove", userId: s.leaver.id }, { cookie: s.chair.cookie }),
    );
    expect(res.status).toBe(303);

    await sendAndSettle(s.chair, s.secretId, "移出频道之后", control);
    await sendAndSettle(s.chair, s.generalId, "公开频道照常", control);
    expect(removed.bodies(s.secretId).join()).not.toContain("移出频道之后");
    expect(removed.bodies(s.generalId).join()).toContain("公开频道照常");
    const again = await subscribe(removed.socket, { topic: channelTopic(s.secretId), after: 0 });
    expect(again).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("logging out disconnects the session's sockets", async () => {
    const s = await setting();
    const out = await listen(s.leaver, [s.generalId]);
    const control = await listen(s.control, [s.generalId]);
    const ended = disconnection(out.socket);
    const res = await server.fetch("/logout", post({}, { cookie: s.leaver.cookie }));
    expect(res.status).toBe(303);
    expect(await ended).toBe("io server disconnect");
    await sendAndSettle(s.chair, s.generalId, "登出之后", control);
    expect(out.bodies(s.generalId).join()).not.toContain("登出之后");
  });
});
