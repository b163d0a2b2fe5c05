import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { startServer } from "~/server/boot.server";
import { ConfigError, loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";

const BUILD_PATH = path.resolve("build/index.js");

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Qilian cannot start. ${error.message}\nSee .env.example for every setting.`);
  process.exit(1);
}
const log = createLogger(config.LOG_LEVEL);

if (!fs.existsSync(BUILD_PATH)) {
  log.fatal(`No Remix build at ${BUILD_PATH}: run \`npm run build\` first (npm start does).`);
  process.exit(1);
}

/** Imports the build afresh: the dev loop swaps routes in without restarting, so sockets stay up. */
async function importBuild(): Promise<ServerBuild> {
  const stamp = fs.statSync(BUILD_PATH).mtimeMs;
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${stamp}`);
}

let build: ServerBuild;
const starting = importBuild().then((imported) => {
  build = imported;
  return startServer({ config, log, getBuild: async () => build });
});

// Installed before start-up gets anywhere: a signal during migrations or seeding would otherwise kill Node
// and leave the embedded postmaster running. A stop waits for start-up to finish (a failed start-up cleans
// up after itself), then closes everything it started.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, 20_000);
    try {
      await (await starting).close();
      clearTimeout(force);
      log.info("stopped");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "error while shutting down");
      process.exit(1);
    }
  });
}

const server = await starting.catch((error) => {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    log.fatal(
      `Port ${config.PORT} on ${config.HOST} is in use: stop the other server or choose another PORT.`,
    );
  } else if (error instanceof ConfigError) {
    log.fatal(`Qilian cannot start. ${error.message}`);
  } else {
    log.fatal({ err: error }, "Qilian failed to start");
  }
  process.exit(1);
});

// A signal during start-up is closing the server already.
if (!stopping) {
  log.info(`Qilian is listening on ${server.url} (public URL ${config.publicUrl.origin})`);
  if (config.NODE_ENV === "development") await watchBuild();
}

/** The dev loop: `remix dev` rewrites the build, and the new routes are swapped in. */
async function watchBuild() {
  await broadcastDevReady(build);
  fs.watch(path.dirname(BUILD_PATH), { persistent: false }, async (_event, file) => {
    if (file !== "version.txt") return;
    build = await importBuild();
    await broadcastDevReady(build);
    log.info("routes reloaded");
  });
}
