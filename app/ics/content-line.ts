/**
 * RFC 5545 content lines: TEXT escaping, parameter quoting, and folding at 75 octets. A fold never
 * splits a UTF-8 sequence, so Chinese titles survive parsers that decode each physical line.
 */

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Control characters other than tab are not allowed in iCalendar text (line feeds are escaped later). */
const stripControls = (value: string) =>
  [...value].filter((char) => char === "\t" || char === "\n" || (char >= " " && char !== "\u007f")).join("");

/** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return stripControls(value.replace(/\r\n?/g, "\n"))
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A parameter value: quoted when it holds : ; or , (a double quote cannot appear at all). */
export function paramValue(value: string): string {
  const clean = stripControls(value.replace(/[\r\n]+/g, " ")).replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Splits a line into physical lines of at most 75 octets; continuations start with a space. */
export function fold(line: string): string[] {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines;
}

export type Params = Record<string, string | undefined>;

/** NAME;PARAM=value:value — the value is written as given (escape TEXT with escapeText first). */
export function contentLine(name: string, value: string, params: Params = {}): string {
  const paramText = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, param]) => `;${key}=${paramValue(param)}`)
    .join("");
  return `${name}${paramText}:${value}`;
}

/** Logical lines to the wire format: folded, each ending in CRLF. */
export function serialize(lines: readonly string[]): string {
  return lines.flatMap(fold).join("\r\n") + "\r\n";
}
