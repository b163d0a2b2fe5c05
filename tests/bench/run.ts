import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../setup/build";
import { freePort, spawnServer, tempDataDir } from "../setup/spawn-server";
import { benchChannels } from "./channels";
import { benchInsights } from "./insights";
import { benchMatching } from "./matching";
import { benchProblems } from "./problems";
import { benchRegistrations } from "./registrations";

/**
 * `npm run bench`: each scenario runs our server and its baseline alternately (A B A B, three rounds), the
 * servers pinned to core 0 and the load generator to core 1, and reports medians. BENCH_REQUESTS scales it.
 * Then the problem board at 100,000 problems (problems.ts) and 500 concurrent registrations for 100 seats
 * (registrations.ts), and channels' fan-out, memory and cross-node delivery (channels.ts). `npm run bench --
 * http`, `-- problems`, `-- registrations`, `-- channels`, `-- matching` or `-- insights` runs one part; matching.ts
 * measures matches for a problem at 50,000 shared resources, insights.ts the admin dashboard over a million activity
 * rows and 100,000 problems.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const rounds = 3;
const canPin = os.cpus().length > 1 && fs.existsSync("/usr/bin/taskset");

function pin(pid: number | undefined, core: number) {
  if (canPin && pid) execFileSync("taskset", ["-a", "-cp", String(core), String(pid)], { stdio: "ignore" });
}

function load(url: string): { rps: number; p50: number; p95: number } {
  const args = ["--import", "tsx", "tests/bench/load.ts", url, String(requests), String(concurrency)];
  const command = canPin ? "taskset" : process.execPath;
  const out = execFileSync(command, canPin ? ["-c", "1", process.execPath, ...args] : args, {
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function startBaseline(bodyFile: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    "tests/bench/baseline-server.ts",
    bodyFile,
    String(port),
  ]);
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  pin(child.pid, 0);
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A GET on a new connection: a pooled one may be closed by the server's keep-alive timeout as it is reused. */
function freshGet(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks)));
      })
      .on("error", reject);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function benchHttp(): Promise<void> {
  ensureBuild();
  const dataDir = tempDataDir("qilian-bench-");
  const server = await spawnServer({ DATA_DIR: dataDir, SEED_DEMO: "true", LOG_LEVEL: "error" });
  pin(server.process.pid, 0);
  const scenarios = [
    { name: "home page (seeded, zh-CN)", path: "/" },
    { name: "health check", path: "/healthz" },
  ];
  const rows: string[][] = [];
  try {
    for (const scenario of scenarios) {
      const bodyFile = path.join(dataDir, "body.html");
      fs.writeFileSync(bodyFile, await freshGet(server.url + scenario.path));
      const baseline = await startBaseline(bodyFile);
      const ours: number[] = [];
      const base: number[] = [];
      const ours95: number[] = [];
      try {
        load(server.url + scenario.path); // warm-up
        load(baseline.url);
        for (let round = 0; round < rounds; round++) {
          const a = load(server.url + scenario.path);
          const b = load(baseline.url);
          ours.push(a.rps);
          ours95.push(a.p95);
          base.push(b.rps);
        }
      } finally {
        baseline.child.kill();
      }
      const [o, b] = [median(ours), median(base)];
      rows.push([
        scenario.name,
        `${o.toFixed(0)} req/s (p95 ${median(ours95).toFixed(1)} ms)`,
        `${b.toFixed(0)} req/s`,
        (o / b).toFixed(3),
      ]);
    }
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(
    `\n${requests} requests × ${rounds} rounds, concurrency ${concurrency}${canPin ? ", server on core 0, load on core 1" : ""}\n`,
  );
  const header = ["scenario", "Qilian", "baseline (node:http, same bytes)", "ratio"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(" | "));
  }
}

const part = process.argv[2];
const selected = (name: string) => part === undefined || part === name;
if (selected("http")) await benchHttp();
if (selected("problems")) await benchProblems();
if (selected("registrations")) await benchRegistrations();
if (selected("channels")) await benchChannels();
if (selected("matching")) await benchMatching();
if (selected("insights")) await benchInsights();
