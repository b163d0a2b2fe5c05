import { afterAll, beforeAll } from "vitest";
import { connectDatabase, type Database } from "~/utils/db.server";

/** This file's own database (see each-file.ts), connected once per file. */
export function useTestDatabase() {
  let database: Database | undefined;
  beforeAll(() => {
    database = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 4 });
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      if (!database) throw new Error("useTestDatabase(): the database is ready only inside tests and hooks");
      return database.db;
    },
    get sql() {
      if (!database) throw new Error("useTestDatabase(): the database is ready only inside tests and hooks");
      return database.sql;
    },
  };
}
