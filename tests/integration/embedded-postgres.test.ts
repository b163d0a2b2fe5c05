import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../db/embedded";

/**
 * DATA_DIR inside a private (0700) folder: as root, the `postgres` user cannot reach it, so the cluster
 * lives elsewhere behind a symlink (ADR 0002). Deleting DATA_DIR to reset the instance must then give a
 * fresh, working cluster, not the old one with a password nobody has any more. (Not root: it runs in place.)
 */
describe("embedded PostgreSQL in a private folder", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "qilian-private-"));
  const dir = path.join(parent, "data");
  afterAll(async () => {
    const started = await startEmbeddedPostgres({ dir, ephemeral: true });
    await started.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  async function roundTrip(): Promise<number> {
    const pg = await startEmbeddedPostgres({ dir });
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      await sql`create table if not exists marks (n int)`;
      await sql`insert into marks values (1)`;
      const [{ count }] = await sql<{ count: number }[]>`select count(*)::int as count from marks`;
      return count;
    } finally {
      await sql.end();
      await pg.stop();
    }
  }

  it("keeps its data across restarts, and starts afresh after DATA_DIR is deleted", async () => {
    expect(await roundTrip()).toBe(1);
    expect(await roundTrip()).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(await roundTrip()).toBe(1);
  });
});
