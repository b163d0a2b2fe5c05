import crypto from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { checkFileName, withExtension, type NameRefusal } from "./file-name.server";
import { MAX_FILE_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "./limits";
import { MultipartError, multipartBoundary, readMultipart, type PartSink } from "./multipart.server";
import { sniff, type SniffRefusal } from "./sniff.server";
import { ensureFileDirs, newStoredName, removeFile, tempPath } from "./storage.server";

/**
 * Receives the one file of an upload form (field `file`) into a temp file, hashing it as it streams,
 * then checks its name and content. Refusals are values, never exceptions: the route answers each
 * with its status and message. Nothing is left on disk unless the file is accepted.
 */

export type UploadRefusal = "noFile" | "oneFile" | "tooLarge" | "malformed" | NameRefusal | SniffRefusal;

export type ReceivedFile = {
  storedName: string;
  tempPath: string;
  /** The checked name, with an extension that fits the content. */
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
};

export type UploadOutcome = { ok: true; file: ReceivedFile } | { ok: false; error: UploadRefusal };

const drain: PartSink = { write() {}, end() {} };

function fileSink(
  target: string,
  hash: crypto.Hash,
  count: (bytes: number) => void,
): PartSink & { stream: WriteStream } {
  const stream = createWriteStream(target, { flags: "wx", mode: 0o640 });
  return {
    stream,
    async write(chunk) {
      count(chunk.length);
      hash.update(chunk);
      if (!stream.write(chunk)) await once(stream, "drain");
    },
    async end() {
      stream.end();
      await finished(stream);
    },
  };
}

export async function receiveUpload(request: Request, dataDir: string): Promise<UploadOutcome> {
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary) return { ok: false, error: "malformed" };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
    return { ok: false, error: "tooLarge" };
  }
  await ensureFileDirs(dataDir);
  const storedName = newStoredName();
  const temp = tempPath(dataDir, storedName);
  const hash = crypto.createHash("sha256");
  // Filled in by the part callback as the body streams.
  const got: {
    refusal: UploadRefusal | null;
    sink: ReturnType<typeof fileSink> | null;
    rawName: string | null;
  } = { refusal: null, sink: null, rawName: null };
  let size = 0;
  const count = (bytes: number) => {
    size += bytes;
    if (size > MAX_FILE_BYTES) throw new MultipartError("tooLarge");
  };
  const discard = async () => {
    // Closed before unlinking: a stream still opening would create the file after the unlink.
    const stream = got.sink?.stream;
    if (stream && !stream.closed) {
      await new Promise<void>((resolve) => {
        stream.once("close", () => resolve());
        stream.destroy();
      });
    }
    await removeFile(temp);
  };

  try {
    await readMultipart(request.body, boundary, MAX_UPLOAD_REQUEST_BYTES, (part) => {
      if (part.name !== "file" || part.filename === undefined) return drain;
      if (got.rawName !== null) {
        got.refusal ??= "oneFile";
        return drain;
      }
      got.rawName = part.filename;
      // A form sent without choosing a file has an empty part with an empty name.
      if (got.rawName === "") return drain;
      const name = checkFileName(got.rawName);
      if (!name.ok) {
        got.refusal ??= name.error;
        return drain;
      }
      got.sink = fileSink(temp, hash, count);
      return got.sink;
    });
  } catch (error) {
    await discard();
    if (error instanceof MultipartError) return { ok: false, error: error.reason };
    throw error;
  }
  const name = got.rawName === null ? null : checkFileName(got.rawName);
  if (got.refusal || !got.sink || !name?.ok) {
    await discard();
    return { ok: false, error: got.refusal ?? "noFile" };
  }
  const sniffed = await sniff(await fs.readFile(temp), name.name);
  if (!sniffed.ok) {
    await discard();
    return { ok: false, error: sniffed.error };
  }
  return {
    ok: true,
    file: {
      storedName,
      tempPath: temp,
      fileName: withExtension(name.name, sniffed.type.extensions),
      mime: sniffed.type.mime,
      size,
      sha256: hash.digest("hex"),
    },
  };
}

/**
 * The same checks for bytes already in memory (the demo seed, scripts): written to a temp file ready
 * for `saveAttachment`, or refused as an upload would be.
 */
export async function receiveBytes(bytes: Buffer, rawName: string, dataDir: string): Promise<UploadOutcome> {
  const name = checkFileName(rawName);
  if (!name.ok) return name;
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: "tooLarge" };
  const sniffed = await sniff(bytes, name.name);
  if (!sniffed.ok) return sniffed;
  await ensureFileDirs(dataDir);
  const storedName = newStoredName();
  const temp = tempPath(dataDir, storedName);
  await fs.writeFile(temp, bytes, { flag: "wx", mode: 0o640 });
  return {
    ok: true,
    file: {
      storedName,
      tempPath: temp,
      fileName: withExtension(name.name, sniffed.type.extensions),
      mime: sniffed.type.mime,
      size: bytes.length,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    },
  };
}
