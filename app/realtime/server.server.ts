import type http from "node:http";
import { Server } from "socket.io";
import type { Services } from "~/server/context.server";
import type { Activity, Realtime } from "./types";

export type RealtimeServer = { io: Server; realtime: Realtime; close(): Promise<void> };

/** Socket.IO on the HTTP server's port. */
export function createRealtimeServer(
  httpServer: http.Server,
  services: Omit<Services, "realtime">,
): RealtimeServer {
  const io = new Server(httpServer, { serveClient: false });
  void services;
  const realtime: Realtime = {
    emit(activities: Activity[]) {
      for (const activity of activities) io.to(activity.topic).emit("activity", activity);
    },
    disconnectSession(sessionId: string) {
      io.in(`session:${sessionId}`).disconnectSockets(true);
    },
    disconnectUser(userId: string) {
      io.in(`user:${userId}`).disconnectSockets(true);
    },
  };
  return {
    io,
    realtime,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
