import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Locale } from "~/i18n/locales";
import type { DbOrTx } from "~/utils/db.server";

/** Remembers the user's language, for pages on a device without the cookie and for emails. */
export async function setPreferredLocale(db: DbOrTx, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}
