import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol";
import { Sequencer } from "./sequencer";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Wires a socket to a sequencer. Requests go out only while connected: Socket.IO would otherwise queue
 * them and replay them after the reconnect, on top of the sequencer's own re-subscribe.
 */
export function attachSequencer(socket: LiveSocket): Sequencer {
  const sequencer = new Sequencer({
    subscribe(topic, after, done) {
      socket.emit("subscribe", { topic, after }, done);
    },
    unsubscribe(topic) {
      socket.emit("unsubscribe", { topic });
    },
  });
  socket.on("connect", () => sequencer.connected());
  socket.on("disconnect", () => sequencer.disconnected());
  socket.on("activity", (activity) => sequencer.receive(activity));
  if (socket.connected) sequencer.connected();
  return sequencer;
}
