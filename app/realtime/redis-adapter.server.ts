import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Logger } from "~/utils/logger.server";

type Client = ReturnType<typeof createClient>;

export type RedisAdapter = {
  adapter: ReturnType<typeof createAdapter>;
  /** Settles once the publishing client is connected. */
  ready: Promise<void>;
  /** Ends every Redis connection, the adapter's own included. Call after the Socket.IO server has closed. */
  close(): Promise<void>;
};

/**
 * Joins this process's rooms to every other process on the same Redis (docs/decisions/0005). The adapter
 * duplicates our client for its stream reader and subscriber, and would end the reader only after its
 * blocking XREAD returns; we keep hold of the duplicates so close() ends them at once.
 */
export function createRedisAdapter(url: string, log: Logger): RedisAdapter {
  const clients: Client[] = [];
  const track = (client: Client): Client => {
    clients.push(client);
    const disconnect = client.disconnect.bind(client);
    // Both we and the adapter end the duplicates; whoever comes second must not raise "client is closed".
    client.disconnect = async () => {
      if (client.isOpen) await disconnect();
    };
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((overrides) => track(duplicate(overrides))) as Client["duplicate"];
    return client;
  };

  const main = track(createClient({ url }));
  let healthy = true;
  main.on("error", (error: Error) => {
    // Once per outage: the client retries every half second and would repeat the same error.
    if (healthy) log.error({ err: error, component: "redis" }, "Redis unreachable: live updates stay local");
    healthy = false;
  });
  main.on("ready", () => {
    if (!healthy) log.info({ component: "redis" }, "Redis reachable again");
    healthy = true;
  });
  const ready = main.connect().then(() => undefined);
  // Failures are logged by the error listener; an unawaited `ready` must not crash the process.
  ready.catch(() => {});

  return {
    adapter: createAdapter(main),
    ready,
    async close() {
      await Promise.all(clients.map((client) => client.disconnect()));
    },
  };
}
