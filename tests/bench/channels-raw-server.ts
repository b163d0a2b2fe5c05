import { serverWs } from "./channels-ws";

/**
 * The physical limit of a channel's fan-out: a bare `ws` server that relays each frame a client sends to
 * every other connected client, unchanged: no rooms, no sessions, no database, no encoding.
 */
const { WebSocketServer, WebSocket } = serverWs();
const port = Number(process.argv[2]);
const server = new WebSocketServer({ host: "127.0.0.1", port, perMessageDeflate: false });
server.on("connection", (socket) => {
  socket.on("message", (data, isBinary) => {
    for (const client of server.clients) {
      if (client !== socket && client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});
server.on("listening", () => console.log("ready"));
