import net from "node:net";
import { afterAll, beforeAll } from "vitest";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * A TCP proxy in front of this file's PostgreSQL that counts the statements clients run through it: the
 * wire protocol's simple queries ('Q') and extended-protocol executions ('E'), whatever the driver or ORM.
 * Point the server under test at `url` to count the queries a page costs (N+1 queries show up as growth).
 */
export function useQueryCounter() {
  let server: net.Server | undefined;
  let target: URL | undefined;
  let statements = 0;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    target = new URL(process.env.TEST_DATABASE_URL!);
    const { hostname, port } = target;
    server = net.createServer((client) => {
      const upstream = net.connect(Number(port), hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on("data", countMessages());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Frames the client's byte stream into messages: the startup packets first (no type byte), then typed ones. */
  function countMessages() {
    let pending = Buffer.alloc(0);
    let inStartup = true;
    return (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (inStartup) {
          if (pending.length < 8 || pending.length < pending.readInt32BE(0)) return;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(pending.readInt32BE(0));
          inStartup = code === SSL_REQUEST || code === GSSENC_REQUEST;
          continue;
        }
        if (pending.length < 5 || pending.length < 1 + pending.readInt32BE(1)) return;
        const type = String.fromCharCode(pending[0]);
        if (type === "Q" || type === "E") statements += 1;
        pending = pending.subarray(1 + pending.readInt32BE(1));
      }
    };
  }

  return {
    /** The database URL through the proxy (read it inside hooks or tests, once the database exists). */
    get url() {
      const address = server?.address();
      if (!target || !address || typeof address === "string")
        throw new Error("useQueryCounter(): not started yet");
      const url = new URL(target);
      url.hostname = "127.0.0.1";
      url.port = String(address.port);
      return url.toString();
    },
    /** Statements run through the proxy while `work` runs. */
    async count(work: () => Promise<unknown>): Promise<number> {
      const before = statements;
      await work();
      return statements - before;
    },
  };
}
