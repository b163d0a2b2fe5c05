import type http from "node:http";
import { Server } from "socket.io";
import type { Services } from "~/server/context.server";
import { handleChannelMessages } from "./channel-handlers.server";
import { allowSameOrigin, authenticate, type SocketData } from "./handshake.server";
import type { ServerToClientEvents } from "./protocol";
import { presenceHandler } from "./presence.server";
import { createRedisAdapter } from "./redis-adapter.server";
import { handleSubscriptions } from "./subscriptions.server";
import { sessionRoom, userTopic } from "./topics";
import type { LiveActivity, Realtime } from "./types";

// Client events are typed loosely on purpose: every payload is untrusted and zod-checked by its handler.
type ClientEvents = Record<string, (...args: unknown[]) => void>;
export type RealtimeIo = Server<ClientEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type RealtimeServer = {
  io: RealtimeIo;
  realtime: Realtime;
  /** Settles when the server can reach its peers (at once without REDIS_URL). */
  ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * Socket.IO on the HTTP server's port (DESIGN §4): same-origin, signed-in sockets only; rooms are topics
 * whose catch-up comes from the activity log, so Socket.IO's own connection-state recovery stays off.
 */
export function createRealtimeServer(
  httpServer: http.Server,
  services: Omit<Services, "realtime">,
): RealtimeServer {
  const redis = services.config.REDIS_URL
    ? createRedisAdapter(services.config.REDIS_URL, services.log)
    : undefined;
  const io: RealtimeIo = new Server(httpServer, {
    serveClient: false,
    allowRequest: allowSameOrigin(services),
    // Client requests are small JSON objects; the largest, a message of 10,000 characters, takes 30 KB
    // of UTF-8 in Chinese, 60 KB if JSON escapes every character. Socket.IO closes the connection of a
    // client that sends more; the browser holds messages to 10,000 characters before sending.
    maxHttpBufferSize: 64 * 1024,
    ...(redis && { adapter: redis.adapter }),
  });
  io.use(authenticate(services));
  io.on("connection", (socket) => handleSubscriptions(socket, services));
  io.on("connection", (socket) => handleChannelMessages(socket, { ...services, realtime }));
  io.on("connection", presenceHandler(services));

  const realtime: Realtime = {
    emit(activities: LiveActivity[]) {
      for (const activity of activities) io.to(activity.topic).emit("activity", activity);
    },
    // Both go through the adapter in order, so every process delivers the notice before the disconnect.
    disconnectSession(sessionId: string) {
      const sockets = io.in(sessionRoom(sessionId));
      sockets.emit("session:ended");
      sockets.disconnectSockets(true);
    },
    disconnectUser(userId: string, exceptSessionId?: string) {
      const all = io.in(userTopic(userId));
      const sockets = exceptSessionId ? all.except(sessionRoom(exceptSessionId)) : all;
      sockets.emit("session:ended");
      sockets.disconnectSockets(true);
    },
    leaveRooms(userId: string, rooms: string[]) {
      if (rooms.length > 0) io.in(userTopic(userId)).socketsLeave(rooms);
    },
  };

  return {
    io,
    realtime,
    ready: redis?.ready ?? Promise.resolve(),
    // io.close() minus its last step, which waits for the HTTP server to drain: boot drains it with its own
    // deadline. Every adapter closes before Redis does, or the stream reader would retry in a tight loop.
    async close() {
      io.local.disconnectSockets(true);
      await Promise.allSettled([...io._nsps.values()].map((namespace) => namespace.adapter.close()));
      io.engine.close();
      await redis?.close();
    },
  };
}
