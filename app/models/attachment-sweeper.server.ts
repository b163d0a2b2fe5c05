import fs from "node:fs/promises";
import path from "node:path";
import {
  exists,
  filesDir,
  isStoredName,
  removeFile,
  storedNameOfTemp,
  storedPath,
  tempDir,
} from "~/files/storage.server";
import type { DbOrTx } from "~/utils/db.server";
import { storedNamesInUse } from "./attachments.server";

/**
 * Tidies what a crash or a failed unlink left in the attachment store (see attachments.server.ts):
 * a temp file whose row committed is renamed into place; a temp file without a row, or a stored file
 * whose row is gone (deleted, or cascaded away with its resource or problem), is removed once older
 * than the grace period, so an upload still in flight is never touched.
 */

export const SWEEP_KIND = "attachments.sweep";
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

async function entries(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}

async function olderThan(file: string, cutoff: number): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && stat.mtimeMs < cutoff;
}

async function inUse(db: DbOrTx, names: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < names.length; i += BATCH) {
    for (const name of await storedNamesInUse(db, names.slice(i, i + BATCH))) found.add(name);
  }
  return found;
}

export async function sweepAttachmentFiles(
  db: DbOrTx,
  dataDir: string,
  now: Date,
): Promise<{ finished: number; removed: number }> {
  const cutoff = now.getTime() - ORPHAN_GRACE_MS;
  let finished = 0;
  let removed = 0;

  const temps = (await entries(tempDir(dataDir)))
    .map((entry) => ({ entry, storedName: storedNameOfTemp(entry) }))
    .filter((t): t is { entry: string; storedName: string } => t.storedName !== null);
  const committed = await inUse(
    db,
    temps.map((t) => t.storedName),
  );
  for (const { entry, storedName } of temps) {
    const temp = path.join(tempDir(dataDir), entry);
    const target = storedPath(dataDir, storedName);
    if (committed.has(storedName) && !(await exists(target))) {
      await fs.rename(temp, target).then(
        () => finished++,
        (error: NodeJS.ErrnoException) => {
          // The upload itself got there first.
          if (error.code !== "ENOENT") throw error;
        },
      );
    } else if (await olderThan(temp, cutoff)) {
      await removeFile(temp);
      removed++;
    }
  }

  const stored = (await entries(filesDir(dataDir))).filter(isStoredName);
  const old: string[] = [];
  for (const name of stored) if (await olderThan(storedPath(dataDir, name), cutoff)) old.push(name);
  const kept = await inUse(db, old);
  for (const name of old) {
    if (kept.has(name)) continue;
    await removeFile(storedPath(dataDir, name));
    removed++;
  }
  return { finished, removed };
}
