import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { seedIfEmpty } from "../../db/seed";
import { ensureAdmin } from "~/models/admin-bootstrap.server";
import { createRealtimeServer } from "~/realtime/server.server";
import { deleteExpiredSessions } from "~/utils/auth.server";
import { connectDatabase } from "~/utils/db.server";
import type { Config } from "~/utils/env.server";
import type { Logger } from "~/utils/logger.server";
import type { Services } from "./context.server";
import { openDatabase } from "./database.server";
import { createHttpApp } from "./http.server";
import { jobHandlers, recurringJobs } from "./job-registry.server";
import { startJobRunner } from "./job-runner.server";
import { startMailSender } from "./mail-sender.server";

export type RunningServer = {
  url: string;
  port: number;
  services: Services;
  /** Graceful stop: refuse new connections, close sockets, let requests finish, stop the database. */
  close(): Promise<void>;
};

type Options = {
  config: Config;
  log: Logger;
  getBuild: () => Promise<ServerBuild>;
  /** How long in-flight requests may take to finish on shutdown. */
  drainMs?: number;
};

export async function startServer({
  config,
  log,
  getBuild,
  drainMs = 10_000,
}: Options): Promise<RunningServer> {
  const handle = await openDatabase(config, log);
  const database = connectDatabase(handle.url);
  const httpServer = http.createServer();
  let socketServer: ReturnType<typeof createRealtimeServer> | undefined;
  try {
    await ensureAdmin(database.db, config, log);
    await deleteExpiredSessions({ db: database.db, config });
    if (config.seedDemo) await seedIfEmpty(database.db, log, { dataDir: config.dataDir });
    const base = { config, db: database.db, log };
    socketServer = createRealtimeServer(httpServer, base);
    // With REDIS_URL, serve only once this process has joined the others' rooms.
    await socketServer.ready;
    const services: Services = { ...base, realtime: socketServer.realtime };
    const mode = config.NODE_ENV;
    httpServer.on("request", createHttpApp({ services, getBuild, mode }));
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
    // Started last, so a failed start has no sender to stop; null without SMTP_URL.
    const mailSender = startMailSender({ config, db: database.db, log });
    const jobRunner = config.BACKGROUND_JOBS
      ? startJobRunner({ services, handlers: jobHandlers, recurring: recurringJobs })
      : null;

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        // Before the sockets close, so a job finishing meanwhile still reaches open pages.
        await jobRunner?.stop();
        await socketServer?.close();
        const timer = setTimeout(() => httpServer.closeAllConnections(), drainMs);
        await drained;
        clearTimeout(timer);
        await mailSender?.stop();
        await database.close();
        await handle.stop();
      })());
    return { url, port, services, close };
  } catch (error) {
    await socketServer?.close();
    httpServer.close();
    await database.close();
    await handle.stop();
    throw error;
  }
}
