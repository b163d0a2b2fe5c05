import type { AddressInfo } from "node:net";
import { asc } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "../../db/schema/index";
import { queueEmail, type OutgoingEmail } from "~/models/email-outbox.server";
import { startMailSender, type MailSender, type MailSenderTuning } from "~/server/mail-sender.server";
import type { Db } from "~/utils/db.server";
import { createLogger } from "~/utils/logger.server";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";

type Delivery = { envelopeFrom: string; envelopeTo: string[]; raw: string; at: number };

/**
 * A real SMTP server in this process. `refuse(n)` decides the n-th message (1-based): null accepts it,
 * an error refuses it with that error's response code.
 */
async function startSmtp(options: { delayMs?: number; refuse?: (n: number) => Error | null } = {}) {
  const deliveries: Delivery[] = [];
  const attempts: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts.push(Date.now());
        const refusal = options.refuse?.(attempts.length) ?? null;
        setTimeout(() => {
          if (refusal) return callback(refusal);
          deliveries.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("latin1"),
            at: Date.now(),
          });
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** An SMTP message's headers (unfolded, RFC 2047 words decoded) and its text body, decoded as UTF-8. */
function parseMessage(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? quotedPrintable(body)
        : Buffer.from(body, "latin1");
  return { headers, text: bytes.toString("utf8").replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

/** Adjacent encoded words are joined before decoding, since one character may span two of them. */
function decodeWords(value: string): string {
  const parts = value.split(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)/);
  let out = "";
  let pending: Buffer[] = [];
  const flush = () => {
    out += Buffer.concat(pending).toString("utf8");
    pending = [];
  };
  for (const part of parts) {
    const word = part.match(/^=\?([^?]+)\?([bBqQ])\?([^?]*)\?=$/);
    if (word) {
      expect(word[1].toLowerCase()).toBe("utf-8");
      pending.push(
        word[2].toLowerCase() === "b"
          ? Buffer.from(word[3], "base64")
          : quotedPrintable(word[3].replace(/_/g, " ")),
      );
    } else if (!(pending.length > 0 && /^\s*$/.test(part))) {
      flush();
      out += part;
    }
  }
  flush();
  return out;
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "=" && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(source.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** Log lines, to check what reaches them. */
function captureLog(level = "debug") {
  const lines: string[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const queue = (db: Db, ...mails: OutgoingEmail[]) =>
  db.transaction(async (tx) => {
    for (const mail of mails) await queueEmail(tx, mail);
  });

const rows = (db: Db) => db.select().from(emailOutbox).orderBy(asc(emailOutbox.id));

const invitation: OutgoingEmail = {
  to: "wang.lei@example.com",
  subject: "邀请您成为「天津海河芯算科技有限公司」的代表",
  text: "王磊 邀请您在七链平台上代表「天津海河芯算科技有限公司」。\n请在 2026年12月1日 前打开以下链接接受邀请：\nhttps://qilian.example.org/invitations/abc123",
};

describe("the mail sender", () => {
  const database = useTestDatabase();
  const senders: MailSender[] = [];
  const smtps: { close(): Promise<void> }[] = [];

  const start = async (
    smtpUrl: string,
    tuning: Partial<MailSenderTuning> = {},
    options: { from?: string; log?: ReturnType<typeof createLogger> } = {},
  ) => {
    const sender = startMailSender(
      {
        config: { SMTP_URL: smtpUrl, MAIL_FROM: options.from ?? "七链 Qilian <noreply@qilian.test>" },
        db: database.db,
        log: options.log ?? createLogger("silent"),
      },
      { pollMs: 20, ...tuning },
    );
    expect(sender).not.toBeNull();
    senders.push(sender!);
    return sender!;
  };
  const smtp = async (options: Parameters<typeof startSmtp>[0] = {}) => {
    const server = await startSmtp(options);
    smtps.push(server);
    return server;
  };

  beforeEach(async () => {
    await database.db.delete(emailOutbox);
  });
  afterEach(async () => {
    await Promise.all(senders.splice(0).map((sender) => sender.stop()));
    await Promise.all(smtps.splice(0).map((server) => server.close()));
  });

  it("delivers committed mail by itself, subject, body and Chinese text intact, from MAIL_FROM", async () => {
    const server = await smtp();
    const { log, lines } = captureLog("info");
    await start(server.url, {}, { log });
    await queue(database.db, invitation);

    const [row] = await waitFor("the mail to be sent", async () => {
      const all = await rows(database.db);
      return all[0]?.status === "sent" ? all : undefined;
    });
    expect(row).toMatchObject({ status: "sent", attempts: 0, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    expect(server.deliveries).toHaveLength(1);
    const [delivery] = server.deliveries;
    expect(delivery.envelopeFrom).toBe("noreply@qilian.test");
    expect(delivery.envelopeTo).toEqual(["wang.lei@example.com"]);
    const { headers, text } = parseMessage(delivery.raw);
    expect(headers.get("subject")).toBe(invitation.subject);
    expect(headers.get("from")).toBe("七链 Qilian <noreply@qilian.test>");
    expect(headers.get("to")).toBe("wang.lei@example.com");
    expect(headers.get("content-type")?.toLowerCase()).toBe("text/plain; charset=utf-8");
    expect(text).toBe(invitation.text);

    const logged = lines.join("");
    expect(logged).toContain('"msg":"mail sent"');
    for (const secret of ["wang.lei", "example.com", "天津海河芯算", "abc123"]) {
      expect(logged, `the log names ${secret}`).not.toContain(secret);
    }
  });

  it("skips a mail another transaction holds instead of waiting for it, and sends it once released", async () => {
    const server = await smtp();
    await queue(database.db, { ...invitation, subject: "held" }, { ...invitation, subject: "free" });
    const [held] = await rows(database.db);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const other = database.sql.begin(async (tx) => {
      await tx`select id from email_outbox where id = ${held.id} for update`;
      locked();
      await released;
    });
    await holding;
    const sender = await start(server.url, { pollMs: 60_000 });
    try {
      const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("blocked"), 5_000));
      expect(await Promise.race([sender.drain().then(() => "drained"), timeout])).toBe("drained");
      expect(server.deliveries.map((d) => parseMessage(d.raw).headers.get("subject"))).toEqual(["free"]);
      expect((await rows(database.db)).map((r) => r.status)).toEqual(["queued", "sent"]);
    } finally {
      release();
      await other;
    }
    await sender.drain();
    expect(server.deliveries.map((d) => parseMessage(d.raw).headers.get("subject"))).toEqual([
      "free",
      "held",
    ]);
  });

  it("sends every mail exactly once with two senders on one outbox", async () => {
    const server = await smtp({ delayMs: 15 });
    const subjects = Array.from({ length: 30 }, (_, i) => `邮件 ${i}`);
    await queue(database.db, ...subjects.map((subject) => ({ ...invitation, subject })));
    await Promise.all([
      start(server.url, {}, { from: "one@qilian.test" }),
      start(server.url, {}, { from: "two@qilian.test" }),
    ]);

    await waitFor("every mail to be sent", async () =>
      (await rows(database.db)).every((r) => r.status === "sent") ? true : undefined,
    );
    const received = server.deliveries.map((d) => parseMessage(d.raw).headers.get("subject"));
    expect(received.slice().sort()).toEqual(subjects.slice().sort());
    // Both really ran at once: each sent some of them.
    const bySender = new Set(server.deliveries.map((d) => d.envelopeFrom));
    expect([...bySender].sort()).toEqual(["one@qilian.test", "two@qilian.test"]);
  });

  it("retries a refused mail after a growing wait, keeping the error, then sends it", async () => {
    const server = await smtp({
      refuse: (n) => (n <= 2 ? refusal(451, "4.3.0 Mailbox of wang.lei@example.com busy, try later") : null),
    });
    const { log, lines } = captureLog("info");
    await start(server.url, { backoffMs: 500 }, { log });
    await queue(database.db, invitation);

    const [first] = await waitFor("the first refusal", async () => {
      const all = await rows(database.db);
      return all[0]?.attempts === 1 ? all : undefined;
    });
    expect(first).toMatchObject({ status: "queued", attempts: 1 });
    expect(first.lastError).toContain("451");

    const [sent] = await waitFor("the mail to be sent", async () => {
      const all = await rows(database.db);
      return all[0]?.status === "sent" ? all : undefined;
    });
    expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(server.attempts).toHaveLength(3);
    expect(server.deliveries).toHaveLength(1);
    // The wait doubles after each failure: one backoff, then two.
    const [firstTry, second, third] = server.attempts;
    expect(second - firstTry).toBeGreaterThanOrEqual(500 - 5);
    expect(third - second).toBeGreaterThanOrEqual(1000 - 5);

    const warnings = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.level === 40);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ msg: "mail not sent; will retry", attempt: 1, responseCode: 451 });
    expect(lines.join("")).not.toContain("wang.lei");
  });

  it("gives a mail up as failed after eight attempts and leaves it alone", async () => {
    const server = await smtp({ refuse: () => refusal(550, "5.1.1 Mailbox unavailable") });
    const { log, lines } = captureLog("info");
    const sender = await start(server.url, { backoffMs: 1, pollMs: 10 }, { log });
    await queue(database.db, invitation);

    const [row] = await waitFor("the mail to fail", async () => {
      const all = await rows(database.db);
      return all[0]?.status === "failed" ? all : undefined;
    });
    expect(row).toMatchObject({ status: "failed", attempts: 8, sentAt: null });
    expect(row.lastError).toContain("550");
    await sender.drain();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.attempts).toHaveLength(8);
    expect(server.deliveries).toHaveLength(0);
    expect(lines.some((line) => line.includes('"msg":"mail given up after repeated failures"'))).toBe(true);
  });

  it("does not start without SMTP_URL", () => {
    expect(
      startMailSender({
        config: { SMTP_URL: undefined, MAIL_FROM: "x <x@y.z>" },
        db: database.db,
        log: createLogger("silent"),
      }),
    ).toBeNull();
  });
});

describe("a server", () => {
  const database = useTestDatabase();

  describe("with SMTP_URL", () => {
    let server: Awaited<ReturnType<typeof startSmtp>>;
    // useTestServer reads its settings when it starts, after this hook has named the SMTP server's port.
    const env: Record<string, string> = {};
    beforeAll(async () => {
      server = await startSmtp();
      env.SMTP_URL = server.url;
    });
    afterAll(async () => {
      await server.close();
    });
    useTestServer(env);

    it("sends queued mail by itself and stops cleanly", async () => {
      await queue(database.db, invitation);
      await waitFor("the mail to be sent", async () =>
        (await rows(database.db))[0]?.status === "sent" ? true : undefined,
      );
      expect(server.deliveries).toHaveLength(1);
      expect(parseMessage(server.deliveries[0].raw).headers.get("from")).toBe(
        "Qilian <noreply@qilian.local>",
      );
    });
  });

  describe("without SMTP_URL", () => {
    useTestServer();

    it("leaves queued mail in the outbox", async () => {
      await database.db.delete(emailOutbox);
      await queue(database.db, invitation);
      // Longer than the sender's poll interval, had one started.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const [row] = await rows(database.db);
      expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: null, sentAt: null });
    });
  });
});
