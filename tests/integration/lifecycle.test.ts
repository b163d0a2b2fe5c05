import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { holdRequest } from "../setup/held-request";
import { spawnServer, tempDataDir, type SpawnedServer } from "../setup/spawn-server";

/**
 * The server as `npm start` runs it, on its own embedded PostgreSQL in a fresh DATA_DIR: restarts after
 * kill -9 with its data, shuts down cleanly on SIGTERM, and reports a dead database on /healthz.
 */
describe("server process on the embedded database", () => {
  const dataDir = tempDataDir("qilian-lifecycle-");
  // This file is about the embedded cluster, even when the suite runs against DATABASE_URL.
  const env = { DATA_DIR: dataDir, SEED_DEMO: "false", DATABASE_URL: "" };
  let server: SpawnedServer | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function databaseUrl(): string {
    const pidFile = fs.readFileSync(
      path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"),
      "utf8",
    );
    const port = pidFile.split("\n")[3];
    const password = fs.readFileSync(path.join(dataDir, "pg-password"), "utf8").trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/qilian`;
  }

  it("keeps its data across kill -9 and a restart", async () => {
    server = await spawnServer(env);
    let sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    await sql`insert into organizations (slug, name_zh, name_en, kind) values ('survivor', '幸存者', 'Survivor', 'enterprise')`;
    await sql.end();

    server.process.kill("SIGKILL");
    await new Promise((r) => server!.process.once("exit", r));
    server = await spawnServer(env);

    sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
    const rows = await sql`select name_en from organizations where slug = 'survivor'`;
    await sql.end();
    expect(rows).toEqual([{ name_en: "Survivor" }]);
  });

  it("answers /healthz with 503 within a second when the database is gone", async () => {
    const pid = Number(
      fs
        .readFileSync(path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"), "utf8")
        .split("\n")[0],
    );
    // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster and every backend quit at once, as in a crash.
    // (SIGKILL would take only the postmaster, and its backends could answer queries a while longer.)
    process.kill(pid, "SIGQUIT");
    await expect.poll(() => isAlive(pid), { timeout: 10_000 }).toBe(false);
    const started = Date.now();
    const res = await fetch(`${server!.url}/healthz`);
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("stops cleanly on SIGTERM, leaving no server running", async () => {
    await server!.stop();
    expect(server!.process.exitCode).toBe(0);
    server = await spawnServer(env);
    await server.stop();
    expect(server.process.exitCode).toBe(0);
    expect(fs.existsSync(path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"))).toBe(false);
  });

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const running = await spawnServer(env);
    try {
      const form = new URLSearchParams({
        email: `in-flight-${Date.now()}@example.com`,
        password: "correct horse battery",
        displayName: "在途用户",
      });
      // Deterministically in flight: the server has taken the request but waits for its body (held-request.ts).
      const held = await holdRequest(
        running.url,
        "/signup",
        { Origin: running.url, "Content-Type": "application/x-www-form-urlencoded" },
        form.toString(),
      );
      running.process.kill("SIGTERM");
      // Shutdown closes the listener first: once new connections are refused, it is under way.
      await expect.poll(() => refusesConnections(running.url), { timeout: 10_000 }).toBe(true);
      // The sign-up runs only now: it needs the database, which must outlive the requests in flight.
      const { status, head } = await held.release();
      expect(status).toBe(303);
      expect(head).toMatch(/^set-cookie: qilian_session=/im);
      await running.stop();
      expect(running.process.exitCode).toBe(0);
    } finally {
      await running.stop();
    }
  });

  it("says so when its port is taken, and leaves the running server and its database alone", async () => {
    const running = await spawnServer(env);
    try {
      const port = new URL(running.url).port;
      const second = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
        env: { ...process.env, ...env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: port },
        encoding: "utf8",
      });
      expect(second.status).toBe(1);
      expect(second.stdout).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it("refuses to start on a bad setting, naming it", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT: must be a number/);
  });
});

describe("a signal during start-up", () => {
  const dataDir = tempDataDir("qilian-startup-signal-");
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("stops the embedded database it started, and exits", async () => {
    // A fresh cluster with demo data: seeding hashes 14 passwords, so start-up goes on for seconds after
    // the database is ready, and a SIGTERM sent then lands in the middle of it.
    const env = { DATA_DIR: dataDir, SEED_DEMO: "true", DATABASE_URL: "", LOG_LEVEL: "info" };
    const starting = await spawnServer(env, { waitForHealth: false });
    let postmaster = 0;
    try {
      await expect
        .poll(starting.output, { timeout: 60_000, interval: 20 })
        .toContain("embedded PostgreSQL ready");
      postmaster = Number(fs.readFileSync(pidFile(dataDir), "utf8").split("\n")[0]);
      await starting.stop();
      expect(starting.output(), "the signal came after start-up").not.toContain("Qilian is listening");
      expect(starting.process.exitCode).toBe(0);
      expect(fs.existsSync(pidFile(dataDir))).toBe(false);
      // pg_ctl stop returns once the pid file is gone, a moment before the postmaster exits.
      await expect.poll(() => isAlive(postmaster), { timeout: 5_000 }).toBe(false);
    } finally {
      await starting.stop();
      // Without a clean stop the postmaster outlives the test: end it (SIGQUIT: immediate shutdown).
      if (isAlive(postmaster)) process.kill(postmaster, "SIGQUIT");
    }
  }, 90_000);
});

function pidFile(dataDir: string): string {
  return path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid");
}

function isAlive(pid: number): boolean {
  // process.kill(0) would signal our own process group.
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a new TCP connection to the server is refused, i.e. it has stopped listening. */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}
