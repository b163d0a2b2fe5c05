import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startServer, type RunningServer } from "~/server/boot.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { createErrorLog } from "./error-log";
import { freePort } from "./spawn-server";

/**
 * The real server (Express + Remix build + Socket.IO) on a free port, against this file's database.
 * `env` overrides settings, e.g. { SEED_DEMO: "true" }.
 *
 * Every error the server logs fails the test during which it was logged (each-file.ts does the same for
 * console.error); a test that provokes one on purpose declares it with `expectErrorLogs()`.
 */
export function useTestServer(env: Record<string, string> = {}) {
  let server: RunningServer | undefined;
  const errorLog = createErrorLog();
  beforeAll(async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const log = createLogger("error", errorLog.destination);
    // The public URL must name the real port (same-origin checks and the CSP use it), so the port is chosen
    // first; another process may take it before we listen, hence a few tries.
    for (let attempt = 1; !server; attempt++) {
      const port = String(await freePort());
      const config = loadConfig({
        NODE_ENV: "production",
        PORT: port,
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SEED_DEMO: "false",
        // No background polls: they would land in query counts and notifications at random moments.
        BACKGROUND_JOBS: "false",
        DATABASE_URL: process.env.TEST_DATABASE_URL,
        ...env,
      });
      server = await startServer({ config, log, getBuild: async () => build }).catch((error) => {
        if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt === 3) throw error;
        return undefined;
      });
    }
  });
  afterEach(() => {
    const { unexpected, unmet } = errorLog.take();
    expect(unexpected, "the server logged errors").toEqual([]);
    expect(unmet.map(String), "expectErrorLogs(): no such error was logged").toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
    // Errors logged after the last test ended, or while shutting down.
    expect(errorLog.take().unexpected, "the server logged errors").toEqual([]);
  });
  const get = () => {
    if (!server) throw new Error("useTestServer(): the server is ready only inside tests and hooks");
    return server;
  };
  return {
    get url() {
      return get().url;
    },
    get services() {
      return get().services;
    },
    /** This test provokes a server error log on purpose: one matching `pattern` must be logged, and then passes. */
    expectErrorLogs(pattern: RegExp) {
      errorLog.expect(pattern);
    },
    /** fetch() against the server, as a same-origin browser would send it. */
    fetch(pathname: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has("origin")) headers.set("origin", get().url);
      return fetch(new URL(pathname, get().url), { redirect: "manual", ...init, headers });
    },
  };
}
