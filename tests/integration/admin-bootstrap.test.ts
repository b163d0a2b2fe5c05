import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { ensureAdmin } from "~/models/admin-bootstrap.server";
import { ConfigError, loadConfig } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { createUser } from "../factories";
import { useTestDatabase } from "../setup/database";

describe("ADMIN_EMAIL for an account that already exists", () => {
  const database = useTestDatabase();
  const log = createLogger("silent");
  const config = (email: string, password: string) =>
    loadConfig({ ADMIN_EMAIL: email, ADMIN_PASSWORD: password });
  const roleOf = async (id: string) =>
    (await database.db.select({ role: users.platformRole }).from(users).where(eq(users.id, id)))[0].role;

  it("refuses to promote it when ADMIN_PASSWORD does not open it, naming the variable", async () => {
    const { user } = await createUser(database.db, { email: "squatter@example.org" });
    const attempt = ensureAdmin(database.db, config("Squatter@example.org", "the operator's secret"), log);
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/ADMIN_EMAIL: an account squatter@example.org already exists/);
    expect(await roleOf(user.id)).toBeNull();
  });

  it("promotes it when ADMIN_PASSWORD is its password", async () => {
    const { user, password } = await createUser(database.db, { email: "owner@example.org" });
    await ensureAdmin(database.db, config("owner@example.org", password), log);
    expect(await roleOf(user.id)).toBe("admin");
  });
});
