/**
 * A streaming multipart/form-data reader. Remix's own parser cuts every file name down to its last
 * path segment before we see it, so "../../x.pdf" would arrive as "x.pdf"; reading the parts here
 * keeps the name as sent, to be refused with a reason. Bodies are counted as they stream and cut off
 * past `maxBytes`; headers are capped, so no part of a request is ever held whole in memory.
 */

export type PartHeaders = { name: string; filename?: string; contentType?: string };

export type PartSink = {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
};

export class MultipartError extends Error {
  constructor(readonly reason: "malformed" | "tooLarge") {
    super(`multipart body ${reason}`);
    this.name = "MultipartError";
  }
}

const MAX_HEADER_BYTES = 8 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** The boundary of a multipart/form-data Content-Type, or null for anything else. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * Browsers percent-encode a quote in a file name and send backslashes as they are; other clients
 * escape quotes with a backslash. Only `\"` and `\\` are undone, so "..\x" stays a path to refuse.
 */
function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(["\\])/g, "$1") : value.trim();
}

/** Content-Disposition parameters, quoted strings honoured (a name may hold ";" and "="). */
function dispositionParams(value: string): Map<string, string> | null {
  const params = new Map<string, string>();
  const [kind, ...rest] = value.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (kind.trim().toLowerCase() !== "form-data") return null;
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const raw = part.slice(eq + 1).trim();
    if (raw.startsWith('"') !== (raw.endsWith('"') && raw.length > 1)) return null;
    params.set(part.slice(0, eq).trim().toLowerCase(), unquote(raw));
  }
  return params;
}

function parseHeaders(block: Buffer): PartHeaders {
  let disposition: Map<string, string> | null = null;
  let contentType: string | undefined;
  for (const line of block.toString("utf8").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new MultipartError("malformed");
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-disposition") disposition = dispositionParams(value);
    else if (header === "content-type") contentType = value;
  }
  const name = disposition?.get("name");
  if (!disposition || name === undefined) throw new MultipartError("malformed");
  let filename = disposition.get("filename");
  const extended = disposition.get("filename*");
  if (extended !== undefined) {
    const match = /^utf-8'[^']*'(.*)$/i.exec(extended);
    try {
      if (match) filename = decodeURIComponent(match[1]);
    } catch {
      throw new MultipartError("malformed");
    }
  }
  return { name, filename, contentType };
}

export async function readMultipart(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  maxBytes: number,
  onPart: (headers: PartHeaders) => PartSink,
): Promise<void> {
  if (!body) throw new MultipartError("malformed");
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter has no CRLF before it; pretend it had.
  let pending: Buffer = CRLF;
  // Widened on purpose: `advance` moves it on behind the compiler's back.
  let state = "preamble" as "preamble" | "delimiter" | "headers" | "body" | "done";
  let sink: PartSink | null = null;
  let total = 0;

  const advance = async () => {
    for (;;) {
      if (state === "preamble" || state === "body") {
        const at = pending.indexOf(delimiter);
        if (at < 0) {
          // Keep what could be the start of a delimiter split across chunks.
          const keep = Math.min(pending.length, delimiter.length - 1);
          if (state === "body" && pending.length > keep)
            await sink!.write(pending.subarray(0, pending.length - keep));
          pending = pending.subarray(pending.length - keep);
          return;
        }
        if (state === "body") {
          if (at > 0) await sink!.write(pending.subarray(0, at));
          await sink!.end();
          sink = null;
        }
        pending = pending.subarray(at + delimiter.length);
        state = "delimiter";
      }
      if (state === "delimiter") {
        if (pending.length < 2) return;
        if (pending[0] === 0x2d && pending[1] === 0x2d) {
          state = "done";
          return;
        }
        if (pending[0] !== 0x0d || pending[1] !== 0x0a) throw new MultipartError("malformed");
        pending = pending.subarray(2);
        state = "headers";
      }
      if (state === "headers") {
        const at = pending.indexOf(HEADER_END);
        if (at < 0) {
          if (pending.length > MAX_HEADER_BYTES) throw new MultipartError("malformed");
          return;
        }
        if (at > MAX_HEADER_BYTES) throw new MultipartError("malformed");
        sink = onPart(parseHeaders(pending.subarray(0, at)));
        pending = pending.subarray(at + HEADER_END.length);
        state = "body";
      }
      if (state === "done") return;
    }
  };

  const reader = body.getReader();
  const read = () =>
    reader.read().catch(() => {
      // The client went away mid-body.
      throw new MultipartError("malformed");
    });
  try {
    for (;;) {
      const { done, value } = await read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw new MultipartError("tooLarge");
      if (state === "done") continue;
      pending = pending.length ? Buffer.concat([pending, value]) : Buffer.from(value);
      await advance();
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  if (state !== "done") throw new MultipartError("malformed");
}
