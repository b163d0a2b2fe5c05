import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Where attachments live: `${DATA_DIR}/files/<stored name>`, 32 random hex digits and nothing the
 * user chose. An upload is written to `files/tmp/<stored name>.part` first and renamed into place
 * once its row has committed; the sweeper finishes or removes whatever a crash left between the two.
 */

const STORED_NAME = /^[0-9a-f]{32}$/;
const TEMP_SUFFIX = ".part";

export const filesDir = (dataDir: string) => path.join(dataDir, "files");
export const tempDir = (dataDir: string) => path.join(dataDir, "files", "tmp");

export const newStoredName = () => crypto.randomBytes(16).toString("hex");
export const isStoredName = (name: string) => STORED_NAME.test(name);

/** The final place of a stored file; refuses anything but a stored name, whatever the database says. */
export function storedPath(dataDir: string, storedName: string): string {
  if (!isStoredName(storedName)) throw new Error("not a stored attachment name");
  return path.join(filesDir(dataDir), storedName);
}

export function tempPath(dataDir: string, storedName: string): string {
  if (!isStoredName(storedName)) throw new Error("not a stored attachment name");
  return path.join(tempDir(dataDir), `${storedName}${TEMP_SUFFIX}`);
}

/** The stored name a temp file is for, or null for anything else in the temp directory. */
export function storedNameOfTemp(fileName: string): string | null {
  if (!fileName.endsWith(TEMP_SUFFIX)) return null;
  const name = fileName.slice(0, -TEMP_SUFFIX.length);
  return isStoredName(name) ? name : null;
}

export async function ensureFileDirs(dataDir: string): Promise<void> {
  await fs.mkdir(tempDir(dataDir), { recursive: true });
}

/** Unlinks a file that may already be gone. */
export async function removeFile(file: string): Promise<void> {
  await fs.unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
