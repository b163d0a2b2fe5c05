import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../setup/database";

describe("test database", () => {
  const database = useTestDatabase();

  it("is migrated from the template and private to this file", async () => {
    const rows = await database.db.execute<{ n: number; name: string }>(
      sql`select count(*)::int as n, current_database() as name from alliances`,
    );
    expect(rows[0].n).toBe(0);
    expect(rows[0].name).toMatch(/^qilian_test_/);
  });
});
