import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Db } from "~/utils/db.server";
import { ConfigError, type Config } from "~/utils/env.server";
import type { Logger } from "~/utils/logger.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

/**
 * ADMIN_EMAIL/ADMIN_PASSWORD make sure a platform admin exists. A missing account is created. An existing
 * one is promoted only if ADMIN_PASSWORD opens it: emails are not verified, so anyone could have signed up
 * with the intended address first, and promoting that stranger would hand them the platform.
 */
export async function ensureAdmin(db: Db, config: Config, log: Logger): Promise<void> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return;
  const email = config.ADMIN_EMAIL.toLowerCase();
  const [existing] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, platformRole: users.platformRole })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, config.ADMIN_PASSWORD))) {
      throw new ConfigError([
        `ADMIN_EMAIL: an account ${email} already exists and ADMIN_PASSWORD does not open it; ` +
          "use that account's password, or another ADMIN_EMAIL",
      ]);
    }
    if (existing.platformRole !== "admin") {
      await db.update(users).set({ platformRole: "admin" }).where(eq(users.id, existing.id));
      log.info({ email }, "existing account promoted to platform admin from ADMIN_EMAIL");
    }
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
