import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "~/server/boot.server";
import { loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";

/**
 * The real server (Express + Remix build + Socket.IO) on a free port, against this file's database.
 * `env` overrides settings, e.g. { SEED_DEMO: "true" }.
 */
export function useTestServer(env: Record<string, string> = {}) {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      LOG_LEVEL: "silent",
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      ...env,
    });
    server = await startServer({ config, log: createLogger(config.LOG_LEVEL), getBuild: async () => build });
    // Same-origin checks compare against the public URL: make it the real port.
    config.publicUrl = new URL(server.url);
  });
  afterAll(async () => {
    await server?.close();
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
    /** fetch() against the server, as a same-origin browser would send it. */
    fetch(pathname: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has("origin")) headers.set("origin", get().url);
      return fetch(new URL(pathname, get().url), { redirect: "manual", ...init, headers });
    },
  };
}
