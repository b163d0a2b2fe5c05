import { emailOutbox } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type OutgoingEmail = { to: string; subject: string; text: string };

/** Queues mail inside the caller's transaction; it leaves only if that transaction commits. */
export async function queueEmail(db: DbOrTx, email: OutgoingEmail): Promise<void> {
  await db.insert(emailOutbox).values(email);
}
