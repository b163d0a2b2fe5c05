import { inspectOfficeZip } from "./office-zip.server";

/**
 * What a file is, decided by its bytes alone, against an allow-list. The browser's Content-Type and
 * the file's name are never trusted: a renamed program is refused as what it is. SVG and HTML are
 * refused outright — both can carry script — and so is anything that is not one of the types below.
 */

export type SniffRefusal = "empty" | "type" | "svg" | "html" | "zipBomb" | "macro";

export type FileType = {
  mime: string;
  /** The first is added when the name's own extension does not fit the content. */
  extensions: readonly string[];
};

const TYPES = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  png: { mime: "image/png", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { mime: "image/gif", extensions: ["gif"] },
  webp: { mime: "image/webp", extensions: ["webp"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  text: { mime: "text/plain", extensions: ["txt", "md", "log", "text"] },
  csv: { mime: "text/csv", extensions: ["csv", "tsv"] },
} as const satisfies Record<string, FileType>;

export type Sniffed = { ok: true; type: FileType } | { ok: false; error: SniffRefusal };

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((byte, i) => buf[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function magic(buf: Buffer): FileType | null {
  if (startsWith(buf, ascii("%PDF-"))) return TYPES.pdf;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(buf, ascii("GIF87a")) || startsWith(buf, ascii("GIF89a"))) return TYPES.gif;
  if (startsWith(buf, ascii("RIFF")) && startsWith(buf, ascii("WEBP"), 8)) return TYPES.webp;
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** Controls other than tab, newline, form feed and carriage return: binary, not text. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/u;
/**
 * Markup a browser would render as a page (the WHATWG sniffing table's HTML and XML patterns), looked
 * for at the start, as browsers do; <svg anywhere near the start, because SVG hides behind prologs,
 * comments and doctypes.
 */
const HTML_START =
  /^\s*<(!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--|\?xml|xsl|math|object|embed|meta|link|form|img)[\s>/]/i;
const SVG = /<svg[\s>/:]/i;

function sniffText(buf: Buffer, fileName: string): Sniffed {
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    return { ok: false, error: "type" };
  }
  if (BINARY_CONTROL.test(text)) return { ok: false, error: "type" };
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (SVG.test(head)) return { ok: false, error: "svg" };
  if (HTML_START.test(head)) return { ok: false, error: "html" };
  return { ok: true, type: /\.(csv|tsv)$/i.test(fileName) ? TYPES.csv : TYPES.text };
}

export async function sniff(buf: Buffer, fileName: string): Promise<Sniffed> {
  if (buf.length === 0) return { ok: false, error: "empty" };
  const known = magic(buf);
  if (known) return { ok: true, type: known };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const office = await inspectOfficeZip(buf);
    return office.ok ? { ok: true, type: TYPES[office.kind] } : office;
  }
  // Compressed SVG: say why it is refused rather than only "not allowed".
  if (startsWith(buf, [0x1f, 0x8b]) && /\.svgz$/i.test(fileName)) return { ok: false, error: "svg" };
  return sniffText(buf, fileName);
}
