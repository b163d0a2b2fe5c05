import path from "node:path";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import type { Config } from "~/utils/env.server";
import type { Logger } from "~/utils/logger.server";

export type DatabaseHandle = { url: string; embedded: boolean; stop(): Promise<void> };

/** DATABASE_URL when set; otherwise the embedded cluster in DATA_DIR. Either way, migrated. */
export async function openDatabase(config: Config, log: Logger): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (config.DATABASE_URL) {
    handle = { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const pg = await startEmbeddedPostgres({
      dir: path.join(config.dataDir),
      log: (message) => log.info({ component: "embedded-postgres" }, message),
    });
    handle = { url: pg.url, embedded: true, stop: pg.stop };
  }
  try {
    await migrateDatabase(handle.url);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
