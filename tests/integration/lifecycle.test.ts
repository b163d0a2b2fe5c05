import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
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
    const pidFile = fs.readFileSync(path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"), "utf8");
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
    const pid = Number(fs.readFileSync(path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"), "utf8").split("\n")[0]);
    // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster and every backend quit at once, as in a crash.
    // (SIGKILL would take only the postmaster, and its backends could answer queries a while longer.)
    process.kill(pid, "SIGQUIT");
    await expect.poll(() => isAlive(pid), { timeout: 10_000 }).toBe(false);
    const started = Date.now();
    const res = await fetch(`${server!.url}/healthz`);
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  function isAlive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  it("stops cleanly on SIGTERM, leaving no server running", async () => {
    await server!.stop();
    expect(server!.process.exitCode).toBe(0);
    server = await spawnServer(env);
    await server.stop();
    expect(server.process.exitCode).toBe(0);
    expect(fs.existsSync(path.join(fs.realpathSync(path.join(dataDir, "pg")), "postmaster.pid"))).toBe(false);
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
