import fs from "node:fs/promises";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { attachments, problems, resources } from "../../db/schema/index";
import { exists, removeFile, storedPath } from "~/files/storage.server";
import { MAX_FILES } from "~/files/limits";
import type { ReceivedFile } from "~/files/upload.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { problemAccess } from "./problem-access.server";
import { resourceAccess } from "./resource-access.server";
import { isUuid } from "./topic-records.server";

/**
 * Files attached to a resource or a problem. A file and its row exist together or not at all: the
 * upload sits in a temp file while its row is inserted, and is renamed into place only after the
 * row commits; if the rename fails the row is taken back. A crash between the two leaves either a
 * committed row with its temp file (the sweeper finishes the rename) or a temp file without a row
 * (the sweeper removes it), never a row whose file is gone for good.
 */

export type AttachmentOwner = { kind: "resource" | "problem"; id: string };

export type AttachmentView = {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: Date;
};

const ownerColumn = (owner: AttachmentOwner) =>
  owner.kind === "resource" ? attachments.resourceId : attachments.problemId;

export async function listAttachments(db: DbOrTx, owner: AttachmentOwner): Promise<AttachmentView[]> {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(ownerColumn(owner), owner.id))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export type SaveOutcome = { ok: true; id: string } | { ok: false; error: "tooMany" };

type Store = { db: DbOrTx; dataDir: string };

/** Inserts the row, then moves the file into place; on any failure neither remains. */
export async function saveAttachment(
  { db, dataDir }: Store,
  owner: AttachmentOwner,
  uploadedById: string,
  file: ReceivedFile,
): Promise<SaveOutcome> {
  const target = storedPath(dataDir, file.storedName);
  let saved: SaveOutcome;
  try {
    saved = await db.transaction(async (tx) => {
      // The owner's row lock makes the count and the insert one step: two uploads at once cannot both be the tenth.
      const table = owner.kind === "resource" ? resources : problems;
      await tx.select({ id: table.id }).from(table).where(eq(table.id, owner.id)).for("update");
      const [{ n }] = await tx
        .select({ n: count() })
        .from(attachments)
        .where(eq(ownerColumn(owner), owner.id));
      if (n >= MAX_FILES) return { ok: false, error: "tooMany" } as const;
      const [row] = await tx
        .insert(attachments)
        .values({
          resourceId: owner.kind === "resource" ? owner.id : null,
          problemId: owner.kind === "problem" ? owner.id : null,
          fileName: file.fileName,
          storedName: file.storedName,
          mime: file.mime,
          size: file.size,
          sha256: file.sha256,
          uploadedById,
        })
        .returning({ id: attachments.id });
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    await removeFile(file.tempPath);
    throw error;
  }
  if (!saved.ok) {
    await removeFile(file.tempPath);
    return saved;
  }
  try {
    await fs.rename(file.tempPath, target);
  } catch (error) {
    // The sweeper may have finished this very rename already.
    if (!(await exists(file.tempPath)) && (await exists(target))) return saved;
    await db.delete(attachments).where(eq(attachments.id, saved.id));
    await removeFile(file.tempPath);
    throw error;
  }
  return saved;
}

/** Deletes the row, then the file (a file left behind is an orphan for the sweeper). */
export async function deleteAttachment(
  { db, dataDir }: Store,
  owner: AttachmentOwner,
  attachmentId: string,
): Promise<boolean> {
  if (!isUuid(attachmentId)) return false;
  const [row] = await db
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(ownerColumn(owner), owner.id)))
    .returning({ storedName: attachments.storedName });
  if (!row) return false;
  await removeFile(storedPath(dataDir, row.storedName)).catch(() => {});
  return true;
}

export type Download = {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  path: string;
};

/**
 * An attachment the viewer may download: its resource or problem must be one they may see (the same
 * answer as opening that page, so a hidden or alliance-only listing's files are 404 too).
 */
export async function attachmentForDownload(
  db: DbOrTx,
  viewer: Viewer,
  dataDir: string,
  attachmentId: string,
): Promise<Download | null> {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
  if (!row) return null;
  const visible = row.resourceId
    ? await resourceAccess(db, viewer, row.resourceId)
    : await problemAccess(db, viewer, row.problemId ?? "");
  if (!visible) return null;
  return {
    fileName: row.fileName,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    path: storedPath(dataDir, row.storedName),
  };
}

/** Which of these stored names have a row. */
export async function storedNamesInUse(db: DbOrTx, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .select({ storedName: attachments.storedName })
    .from(attachments)
    .where(inArray(attachments.storedName, [...names]));
  return new Set(rows.map((row) => row.storedName));
}
