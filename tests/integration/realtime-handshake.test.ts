import { describe, expect, it } from "vitest";
import { userTopic } from "~/realtime/topics";
import type { LiveActivity } from "~/realtime/types";
import { client, connect, createUser, refusal, settle, signIn, until } from "../setup/live";
import { useTestServer } from "../setup/server";

function activityOn(topic: string, id: number): LiveActivity {
  return {
    id,
    prev: 0,
    topic,
    type: "test.ping",
    payload: {},
    actorId: null,
    createdAt: new Date().toISOString(),
  };
}

describe("socket handshake", () => {
  const server = useTestServer();

  it("refuses a socket without a session cookie, saying why", async () => {
    const socket = client(server.url);
    const error = await refusal(socket);
    socket.close();
    expect(error.data?.code).toBe("unauthenticated");
  });

  it("refuses a socket whose session cookie names no session", async () => {
    const socket = client(server.url, { cookie: "qilian_session=not-a-session" });
    const error = await refusal(socket);
    socket.close();
    expect(error.data?.code).toBe("unauthenticated");
  });

  it("refuses a signed-in socket from a foreign origin before Socket.IO sees it", async () => {
    const user = await createUser(server.services.db);
    const { cookie } = await signIn(server.services, user.id);
    const socket = client(server.url, { cookie, origin: "https://evil.example" });
    const error = await refusal(socket);
    socket.close();
    // Refused at the HTTP upgrade: a transport error, never a session.
    expect(error.message).toBe("websocket error");
    expect((error.description as Error).message).toMatch(/Unexpected server response: 400/);
    expect(error.data).toBeUndefined();
  });

  it("refuses a signed-in socket that sends no Origin", async () => {
    const user = await createUser(server.services.db);
    const { cookie } = await signIn(server.services, user.id);
    const socket = client(server.url, { cookie, origin: null });
    const error = await refusal(socket);
    socket.close();
    expect(error.message).toBe("websocket error");
    expect((error.description as Error).message).toMatch(/Unexpected server response: 400/);
  });

  it("accepts a signed-in same-origin socket and puts it in its user's room at once", async () => {
    const user = await createUser(server.services.db);
    const other = await createUser(server.services.db);
    const { cookie } = await signIn(server.services, user.id);
    const socket = await connect(client(server.url, { cookie }));
    const received: LiveActivity[] = [];
    socket.on("activity", (activity) => received.push(activity));

    server.services.realtime.emit([activityOn(userTopic(other.id), 1), activityOn(userTopic(user.id), 2)]);
    await until(() => received.length > 0, "the user's own activity");
    await settle();
    socket.close();
    expect(received.map((a) => [a.topic, a.id])).toEqual([[userTopic(user.id), 2]]);
  });
});
