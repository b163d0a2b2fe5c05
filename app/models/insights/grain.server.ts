import { sql, type SQL } from "drizzle-orm";
import { PERIOD_ZONE } from "./period";

/**
 * SQL pieces the rollup builders share (ADR 0014). A row of activity is "fanned out" to every grain it
 * counts in: once for "all alliances" (null) plus once per alliance it belongs to, and likewise for
 * chains. Summing the fanned rows then gives each grain exactly once per item, with no count(distinct)
 * and no confusion between "no alliance" and "all alliances": an item without one simply has no row
 * at the alliance grain.
 */

/** The Shanghai calendar day of a timestamp. */
export function dayOf(timestamp: SQL): SQL {
  return sql`(${timestamp} at time zone ${sql.raw(`'${PERIOD_ZONE}'`)})::date`;
}

/** null ("all") and the one alliance, when there is one. */
export function withAll(id: SQL): SQL {
  return sql`array[null::uuid] || array_remove(array[${id}]::uuid[], null)`;
}

/** null ("all") and every id of an array (a problem's chains, say). */
export function withAllOf(ids: SQL): SQL {
  return sql`array[null::uuid] || ${ids}`;
}
