import http from "node:http";
import { Server } from "socket.io";

/**
 * Socket.IO with nothing of Qilian's: the same version and options, no sessions, no database, a room per
 * topic and a relay that broadcasts the activity a client hands it. Between the raw `ws` relay and Qilian,
 * it shows what Socket.IO itself costs.
 */
const port = Number(process.argv[2]);
const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on("connection", (socket) => {
  socket.on("join", (request: { topic: string }, ack: (result: { ok: true }) => void) => {
    void socket.join(request.topic);
    ack({ ok: true });
  });
  socket.on("relay", (request: { topic: string; activity: unknown }) => {
    io.to(request.topic).emit("activity", request.activity);
  });
});
httpServer.listen(port, "127.0.0.1", () => console.log("ready"));
