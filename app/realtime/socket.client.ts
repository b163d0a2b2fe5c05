import { io } from "socket.io-client";
import { attachSequencer, type LiveSocket } from "./live-client";
import type { Sequencer } from "./sequencer";

export type Live = { socket: LiveSocket; sequencer: Sequencer };

let live: Live | undefined;

/**
 * The tab's one connection, opened on first use. WebSocket first, so several server processes need no
 * sticky sessions; long-polling only where WebSockets are blocked.
 */
export function getLive(): Live {
  if (!live) {
    const socket: LiveSocket = io({
      withCredentials: true,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
    });
    live = { socket, sequencer: attachSequencer(socket) };
  }
  // After a refused handshake or a server-side disconnect (logout) Socket.IO stops retrying; a page that
  // watches a topic again, e.g. after signing back in, reconnects.
  if (!live.socket.active) live.socket.connect();
  return live;
}
