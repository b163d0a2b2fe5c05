import { sql, type SQL } from "drizzle-orm";
import type { InsightFilters, InsightScope, Period } from "./types";

/** What one dashboard read is about: the rollup grain it picks and the days it sums. */
export type Reading = { scope: InsightScope; period: Period; filters: InsightFilters };

/**
 * The rollup rows of one grain: a given alliance (chain), or the "all" rows where the id is null.
 * Written as `=` / `is null` rather than `is not distinct from`, which no index can serve.
 */
export function grain(column: string, id: string | null): SQL {
  // Column names are constants of the callers (possibly table-qualified), never input.
  const name = sql.raw(column);
  return id ? sql`${name} = ${id}` : sql`${name} is null`;
}

/** A day column within the period, both ends included. */
export function within(column: string, period: Period): SQL {
  return sql`${sql.raw(column)} between ${period.from}::date and ${period.to}::date`;
}

/** Medians come back in hours or days; one decimal is what a reader can use. */
export function oneDecimal(value: number | string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}
