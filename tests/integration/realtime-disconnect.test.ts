import { describe, expect, it } from "vitest";
import type { LiveSocket } from "~/realtime/live-client";
import { SESSION_COOKIE } from "~/utils/auth.server";
import { client, connect, createUser, disconnection, settle, signIn } from "../setup/live";
import { useTestServer } from "../setup/server";

/** Logout and password changes end sockets through the rooms every socket joins at connect. */
describe("ending sockets", () => {
  const server = useTestServer();

  async function socketFor(userId: string) {
    const { cookie, sessionId } = await signIn(server.services, userId);
    const socket = await connect(client(server.url, { cookie }));
    const ended: string[] = [];
    socket.on("disconnect", (reason) => ended.push(reason));
    return { socket, sessionId, ended };
  }

  const close = (...sockets: LiveSocket[]) => sockets.forEach((s) => s.close());

  it("disconnectSession ends that session's sockets only", async () => {
    const user = await createUser(server.services.db);
    const other = await createUser(server.services.db);
    const first = await socketFor(user.id);
    const secondTab = await connect(
      client(server.url, { cookie: (await signIn(server.services, user.id)).cookie }),
    );
    const sameSessionTab = await connect(
      client(server.url, { cookie: `${SESSION_COOKIE}=${first.sessionId}` }),
    );
    const stranger = await socketFor(other.id);

    const ended = Promise.all([disconnection(first.socket), disconnection(sameSessionTab)]);
    server.services.realtime.disconnectSession(first.sessionId);
    expect(await ended).toEqual(["io server disconnect", "io server disconnect"]);
    await settle();
    expect(secondTab.connected).toBe(true);
    expect(stranger.ended).toEqual([]);
    close(first.socket, secondTab, sameSessionTab, stranger.socket);
  });

  it("disconnectUser ends every socket of the user but the kept session's, and nobody else's", async () => {
    const user = await createUser(server.services.db);
    const other = await createUser(server.services.db);
    const kept = await socketFor(user.id);
    const ended = [await socketFor(user.id), await socketFor(user.id)];
    const stranger = await socketFor(other.id);

    const gone = Promise.all(ended.map((s) => disconnection(s.socket)));
    server.services.realtime.disconnectUser(user.id, kept.sessionId);
    expect(await gone).toEqual(["io server disconnect", "io server disconnect"]);
    await settle();
    expect(kept.ended).toEqual([]);
    expect(stranger.ended).toEqual([]);

    const last = disconnection(kept.socket);
    server.services.realtime.disconnectUser(user.id);
    expect(await last).toBe("io server disconnect");
    await settle();
    expect(stranger.ended).toEqual([]);
    close(kept.socket, stranger.socket, ...ended.map((s) => s.socket));
  });
});
