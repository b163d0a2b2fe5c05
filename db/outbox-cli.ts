import { desc } from "drizzle-orm";
import { runWithDatabase } from "./cli";
import { emailOutbox } from "./schema/index";

/**
 * Prints the newest mails of the outbox, newest last: without SMTP_URL mail is never sent, and this is
 * how developers read it. `npm run outbox -- 20` shows twenty (default 10).
 */
const limit = Math.max(1, Math.min(500, Number(process.argv[2]) || 10));

await runWithDatabase("outbox", async (db) => {
  const mails = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit);
  if (mails.length === 0) console.log("The outbox is empty.");
  for (const mail of mails.reverse()) {
    console.log(
      [
        `#${mail.id} · ${mail.status} · ${mail.createdAt.toISOString()}`,
        `To: ${mail.to}`,
        `Subject: ${mail.subject}`,
        "",
        mail.text,
        "",
        "-".repeat(72),
      ].join("\n"),
    );
  }
});
