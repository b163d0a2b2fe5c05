import { promisify } from "node:util";
import zlib from "node:zlib";

/**
 * Word, Excel and PowerPoint files are ZIP archives. One is accepted when its central directory is
 * sound and it is not a bomb: the sizes it declares stay small (in total and as a ratio), no two
 * entries share bytes (the overlapping-entry trick that makes a few kilobytes inflate to gigabytes
 * without nesting), and every entry really inflates to no more than it declares — checked by
 * inflating with a hard output cap, so a lying header cannot make us allocate more.
 */

export type OfficeKind = "docx" | "xlsx" | "pptx";
export type ZipRefusal = "zipBomb" | "macro" | "type";

/** Everything inside one file, inflated. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** An entry above 1 MiB may be at most this many times its compressed size. */
export const MAX_RATIO = 100;
export const MAX_ENTRIES = 5_000;

const inflateRaw = promisify(zlib.inflateRaw) as (
  buffer: Buffer,
  options: zlib.ZlibOptions & { maxOutputLength?: number },
) => Promise<Buffer>;

type Entry = {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
  dataStart: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

function readEntries(buf: Buffer): Entry[] | ZipRefusal {
  const end = findEndOfDirectory(buf);
  if (end < 0) return "type";
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  // ZIP64 markers: nothing an Office file under our size limit needs.
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) return "type";
  if (count > MAX_ENTRIES) return "zipBomb";
  if (dirOffset + dirSize > end) return "type";
  const entries: Entry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) return "type";
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > end) return "type";
    const entry = {
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      dataStart: 0,
    };
    if ([entry.compressed, entry.size, entry.localOffset].includes(0xffffffff)) return "type";
    const local = entry.localOffset;
    if (local + 30 > dirOffset || buf.readUInt32LE(local) !== LOCAL) return "type";
    entry.dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (entry.dataStart + entry.compressed > dirOffset) return "type";
    entries.push(entry);
    at = next;
  }
  return entries;
}

function declaresBomb(entries: Entry[]): boolean {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (entry.size > 1024 * 1024 && entry.size > MAX_RATIO * Math.max(entry.compressed, 1)) return true;
  }
  if (total > MAX_INFLATED_BYTES) return true;
  const byStart = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1];
    if (byStart[i].localOffset < previous.dataStart + previous.compressed) return true;
  }
  return false;
}

/** The entry's bytes, inflated with a cap of what it declares; null when it inflates to more, or is broken. */
async function inflate(buf: Buffer, entry: Entry): Promise<Buffer | "zipBomb" | "type"> {
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  if (entry.method === 0) return entry.compressed === entry.size ? data : "type";
  if (entry.method !== 8) return "type";
  try {
    // One byte over what it declares is enough to know it lies.
    const out = await inflateRaw(data, { maxOutputLength: entry.size + 1 });
    return out.length > entry.size ? "zipBomb" : out;
  } catch (error) {
    return error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
      ? "zipBomb"
      : "type";
  }
}

export async function inspectOfficeZip(
  buf: Buffer,
): Promise<{ ok: true; kind: OfficeKind } | { ok: false; error: ZipRefusal }> {
  const entries = readEntries(buf);
  if (typeof entries === "string") return { ok: false, error: entries };
  if (declaresBomb(entries)) return { ok: false, error: "zipBomb" };
  // Encrypted entries cannot be checked.
  if (entries.some((entry) => entry.flags & 1)) return { ok: false, error: "type" };
  let contentTypes: Buffer | null = null;
  for (const entry of entries) {
    const out = await inflate(buf, entry);
    if (typeof out === "string") return { ok: false, error: out };
    if (entry.name === "[Content_Types].xml") contentTypes = out;
  }
  if (!contentTypes) return { ok: false, error: "type" };
  const names = new Set(entries.map((entry) => entry.name));
  if (
    /macroEnabled/i.test(contentTypes.toString("utf8")) ||
    entries.some((e) => /vbaProject\.bin$/i.test(e.name))
  ) {
    return { ok: false, error: "macro" };
  }
  if (names.has("word/document.xml")) return { ok: true, kind: "docx" };
  if (names.has("xl/workbook.xml")) return { ok: true, kind: "xlsx" };
  if (names.has("ppt/presentation.xml")) return { ok: true, kind: "pptx" };
  return { ok: false, error: "type" };
}
