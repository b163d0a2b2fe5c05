import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * Keyset cursors for the operators' lists: the sort key of a page's last row, opaque in the URL.
 * Timestamps travel as whole microseconds since the epoch, as Postgres stores them: a JavaScript Date
 * would round to milliseconds and skip rows created in the same millisecond, as the seed's are.
 */

const patterns = {
  micros: /^\d{1,17}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  text: /^/,
};

export type Cursor = (string | boolean)[];

/** A timestamp column as exact microseconds since the epoch, for sorting and comparing with a cursor. */
export function micros(column: AnyPgColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${column}) * 1000000)::bigint`;
}

export function encodeCursor(values: Cursor): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/**
 * The values of a cursor shaped like `shape` (a kind per position), or null for anything else: a
 * hand-edited cursor starts the list again rather than failing.
 */
export function decodeCursor(
  cursor: string | null,
  shape: readonly ("micros" | "uuid" | "text" | "boolean")[],
): Cursor | null {
  if (!cursor || cursor.length > 500) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values.length !== shape.length) return null;
  const ok = shape.every((kind, i) => {
    const value: unknown = values[i];
    if (kind === "boolean") return typeof value === "boolean";
    return typeof value === "string" && value.length > 0 && value.length <= 200 && patterns[kind].test(value);
  });
  return ok ? (values as Cursor) : null;
}
