import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Db } from "~/utils/db.server";
import type { Config } from "~/utils/env.server";
import type { Logger } from "~/utils/logger.server";
import { hashPassword } from "~/utils/password.server";

/**
 * ADMIN_EMAIL/ADMIN_PASSWORD make sure a platform admin exists: the account is created, or an existing
 * one is promoted. An existing password is left alone, so changing it in the app sticks across restarts.
 */
export async function ensureAdmin(db: Db, config: Config, log: Logger): Promise<void> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return;
  const email = config.ADMIN_EMAIL.toLowerCase();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (existing) {
    await db.update(users).set({ platformRole: "admin" }).where(eq(users.id, existing.id));
    return;
  }
  await db.insert(users).values({
    id: crypto.randomUUID(),
    email,
    displayName: "Administrator",
    passwordHash: await hashPassword(config.ADMIN_PASSWORD),
    platformRole: "admin",
  });
  log.info({ email }, "platform admin created from ADMIN_EMAIL");
}
