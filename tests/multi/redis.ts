import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { freePort } from "../setup/spawn-server";

export type RunningRedis = { url: string; pid: number; stop(): Promise<void> };

/** Debian's redis-server, or whichever one is on PATH. */
function redisBinary(): string {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  if (fs.existsSync("/usr/bin/redis-server")) return "/usr/bin/redis-server";
  throw new Error(
    "redis-server is not installed, and the two-process test needs a real Redis: `apt-get install -y redis-server` (CI does).",
  );
}

/** A throwaway Redis on a free port: no persistence, its files in a temp folder. */
export async function startRedis(): Promise<RunningRedis> {
  const binary = redisBinary();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qilian-redis-"));
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output}`);
    const probe = createClient({ url, socket: { reconnectStrategy: false } });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      await probe.disconnect();
      break;
    } catch {
      // not accepting connections yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
