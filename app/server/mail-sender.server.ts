import { and, asc, eq, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { emailOutbox } from "../../db/schema/index";
import type { Db } from "~/utils/db.server";
import type { Config } from "~/utils/env.server";
import type { Logger } from "~/utils/logger.server";
import { describeError, startPoller } from "./poller.server";

/**
 * Delivers the email outbox over SMTP. Mail is queued inside other transactions, in any server
 * process, and becomes visible only when that transaction commits; polling one indexed query every
 * two seconds sees it promptly from every process without a hook into each commit, and mail needs no
 * faster delivery than that.
 *
 * Each mail is claimed in its own transaction with FOR UPDATE SKIP LOCKED and marked sent before that
 * transaction commits, so two processes never send one mail twice. Delivery is at least once: if the
 * process dies between the SMTP server's acceptance and the commit, the mail is sent again later.
 */
export type MailSenderTuning = {
  /** How often to look for mail that became due. */
  pollMs: number;
  /** The first retry waits this long; each further one twice as long as the one before. */
  backoffMs: number;
  /** Attempts before a mail is given up as failed. */
  maxAttempts: number;
  /** One SMTP exchange may take this long before it counts as a failed attempt. */
  sendTimeoutMs: number;
};

export const defaultTuning: MailSenderTuning = {
  pollMs: 2_000,
  backoffMs: 60_000,
  maxAttempts: 8,
  sendTimeoutMs: 60_000,
};

export type MailSender = {
  /**
   * Sends what is due now, one mail after another, until none is left or one fails; resolves once
   * this process has nothing in flight.
   */
  drain(): Promise<void>;
  /** Stops polling, cuts short a send in progress (it counts as a failed attempt) and waits for it. */
  stop(): Promise<void>;
};

type Outcome = "sent" | "failed" | "idle";

/** Null when SMTP_URL is unset: mail then stays queued in the outbox. */
export function startMailSender(
  deps: { config: Pick<Config, "SMTP_URL" | "MAIL_FROM">; db: Db; log: Logger },
  overrides: Partial<MailSenderTuning> = {},
): MailSender | null {
  const { config, db } = deps;
  if (!config.SMTP_URL) return null;
  const tuning = { ...defaultTuning, ...overrides };
  const log = deps.log.child({ component: "mail" });
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: tuning.sendTimeoutMs,
    greetingTimeout: tuning.sendTimeoutMs,
    socketTimeout: tuning.sendTimeoutMs,
  });
  const stopping = new AbortController();

  const sendNext = (): Promise<Outcome> =>
    db.transaction(async (tx): Promise<Outcome> => {
      const [mail] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, "queued"), lte(emailOutbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(emailOutbox.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!mail) return "idle";
      // nodemailer honours a per-send AbortSignal; @types/nodemailer does not declare it yet.
      const message: Mail.Options & { signal: AbortSignal } = {
        from: config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(tuning.sendTimeoutMs)]),
      };
      try {
        await transport.sendMail(message);
      } catch (error) {
        const attempts = mail.attempts + 1;
        const givenUp = attempts >= tuning.maxAttempts;
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            status: givenUp ? "failed" : "queued",
            lastError: describeError(error),
            // The waits double: one backoff after the first failure, two after the second, …
            nextAttemptAt: new Date(Date.now() + tuning.backoffMs * 2 ** (attempts - 1)),
          })
          .where(eq(emailOutbox.id, mail.id));
        // The SMTP reply may quote the address: only its codes reach the log, the text stays in the row.
        const fields = { emailId: mail.id, attempt: attempts, ...smtpCodes(error) };
        if (givenUp) log.error(fields, "mail given up after repeated failures");
        else log.warn(fields, "mail not sent; will retry");
        return "failed";
      }
      await tx
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(eq(emailOutbox.id, mail.id));
      log.info({ emailId: mail.id, attempt: mail.attempts + 1 }, "mail sent");
      return "sent";
    });

  const poller = startPoller({
    pollMs: tuning.pollMs,
    log,
    failure: "mail outbox poll failed",
    async pass(signal) {
      // After a failure the next try waits for the next poll, so a server that is down is not hammered.
      let outcome: Outcome = "sent";
      while (outcome === "sent" && !signal.aborted) outcome = await sendNext();
    },
  });
  log.info({ pollMs: tuning.pollMs }, "mail sender started");

  return {
    drain: poller.drain,
    async stop() {
      stopping.abort();
      await poller.stop();
      transport.close();
    },
  };
}

function smtpCodes(error: unknown): { code?: string; responseCode?: number } {
  if (typeof error !== "object" || error === null) return {};
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return {
    ...(typeof code === "string" && { code }),
    ...(typeof responseCode === "number" && { responseCode }),
  };
}
