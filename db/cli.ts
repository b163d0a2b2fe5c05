import { openDatabase } from "~/server/database.server";
import { connectDatabase, type Db } from "~/utils/db.server";
import { ConfigError, loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";

/** Runs a database task from the command line against DATABASE_URL or the embedded cluster. */
export async function runWithDatabase(name: string, task: (db: Db) => Promise<void>): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const handle = await openDatabase(config, log);
  const database = connectDatabase(handle.url, { max: 2 });
  try {
    await task(database.db);
    log.info(`${name}: done`);
  } catch (error) {
    log.error({ err: error }, `${name} failed`);
    process.exitCode = 1;
  } finally {
    await database.close();
    await handle.stop();
  }
}
