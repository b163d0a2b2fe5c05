/**
 * CSV as spreadsheets open it (RFC 4180): UTF-8 with a byte-order mark, so Excel reads Chinese names
 * correctly; CRLF line ends; every field quoted when it holds a quote, comma or line break. A cell that
 * begins with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice: it gets a
 * leading apostrophe, so a registrant named "=HYPERLINK(…)" stays text.
 */

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * Content-Disposition for a download: an ASCII fallback name for old clients and the real (UTF-8)
 * name in filename* (RFC 6266 / 5987).
 */
export function attachment(name: string, fallback: string): string {
  const ascii = fallback.replace(/[^A-Za-z0-9._-]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
