import { MAX_NAME_LENGTH } from "./limits";

/**
 * Uploaded file names. The name is only ever shown and sent back in Content-Disposition — files are
 * stored under random names — but a name is still refused when it tries to trick a person or a
 * program: a path, control characters (NUL ends a string in C), or bidi controls that make
 * "invoice‮fdp.exe" read as "invoiceexe.pdf".
 */

export type NameRefusal = "nameEmpty" | "namePath" | "nameControl" | "nameBidi" | "nameTooLong";

/** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), and the invisible marks LRM, RLM, ALM. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** C0, DEL and C1 controls, NUL included. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
/** A separator, or a name that is only dots ("..", "."), which names a directory. */
const PATH = /[/\\]|^\s*\.+\s*$/;

export function checkFileName(raw: string): { ok: true; name: string } | { ok: false; error: NameRefusal } {
  if (CONTROL.test(raw)) return { ok: false, error: "nameControl" };
  if (BIDI.test(raw)) return { ok: false, error: "nameBidi" };
  if (PATH.test(raw)) return { ok: false, error: "namePath" };
  const name = raw.normalize("NFC").trim();
  if (name === "") return { ok: false, error: "nameEmpty" };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, error: "nameTooLong" };
  return { ok: true, name };
}

/**
 * The name with an extension that says what the content is: "run.sh" holding text becomes
 * "run.sh.txt", so a download never lands on disk under a name the system would run.
 */
export function withExtension(name: string, extensions: readonly string[]): string {
  const dot = name.lastIndexOf(".");
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  return extensions.includes(current) ? name : `${name}.${extensions[0]}`;
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback for old clients, and the exact name
 * as RFC 5987 `filename*`, percent-encoded UTF-8, so no quote, semicolon or newline can end the header.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
