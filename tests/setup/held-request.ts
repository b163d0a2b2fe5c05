import net from "node:net";

export type HeldRequest = {
  /** Sends the body; resolves with the final response once the server has closed the connection. */
  release(): Promise<{ status: number; head: string }>;
};

/**
 * A form POST that stays in flight on the server until the test releases its body: a request that is
 * reliably slow without a slow route. It asks `Expect: 100-continue`, so Node answers "100 Continue"
 * once it has parsed the headers and handed the request to the app, which then waits for the body.
 * Resolves when that interim answer has arrived, i.e. when the request is certainly in flight.
 */
export async function holdRequest(
  url: string,
  pathname: string,
  headers: Record<string, string>,
  body: string,
): Promise<HeldRequest> {
  const { hostname, port, host } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  socket.setEncoding("utf8");
  let received = "";
  const closed = new Promise<void>((resolve, reject) => {
    socket.once("close", () => resolve());
    socket.once("error", reject);
  });
  const continued = new Promise<void>((resolve, reject) => {
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (CONTINUE.test(received)) resolve();
    });
    closed.then(() => reject(new Error(`connection closed before "100 Continue":\n${received}`)), reject);
  });
  const lines = Object.entries({
    Host: host,
    "Content-Length": String(Buffer.byteLength(body)),
    Expect: "100-continue",
    Connection: "close",
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  socket.write(`POST ${pathname} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`);
  await continued;

  return {
    async release() {
      socket.write(body);
      await closed;
      const final = received.replace(CONTINUE, "");
      const head = final.slice(0, final.indexOf("\r\n\r\n"));
      return { status: Number(head.split(" ")[1]), head };
    },
  };
}

const CONTINUE = /^HTTP\/1\.1 100 [^\r]*\r\n\r\n/;
