import { getTableName, sql as sqlTag, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema/index";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle: accepted wherever a Db is, so models compose inside `transact`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { db: Db; sql: postgres.Sql; close(): Promise<void> };

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "qilian" },
  });
  return { db: drizzle(sql, { schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

export { schema };

/**
 * A column named with its table, for correlated subqueries in a select's fields: drizzle writes the
 * columns of a one-table select without their table there, so `${problems.id}` inside
 * `(select … from problem_replies where … = ${problems.id})` would silently mean the reply's own id.
 */
export function qualified(column: AnyPgColumn): SQL {
  return sqlTag`${sqlTag.identifier(getTableName(column.table))}.${sqlTag.identifier(column.name)}`;
}
