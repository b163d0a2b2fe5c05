import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "~/utils/db.server";
import { createLogger } from "~/utils/logger.server";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("info", stream), text: () => lines.join("") };
}

describe("logs", () => {
  it("never carry a failed query's parameters (session ids, hashes)", async () => {
    const database = connectDatabase(process.env.TEST_DATABASE_URL!, { max: 1 });
    const secret = "session-id-that-must-not-leak";
    const error = await database.db
      .execute(sql`select * from no_such_table where id = ${secret}`)
      .catch((e: unknown) => e);
    await database.close();
    const { log, text } = capture();
    log.error({ err: error }, "query failed");
    expect(text()).toContain("no_such_table");
    expect(text()).not.toContain(secret);
  });

  it("redact passwords and cookies", () => {
    const { log, text } = capture();
    log.info({ password: "hunter22", headers: { cookie: "qilian_session=abc" } }, "login");
    expect(text()).not.toMatch(/hunter22|qilian_session=abc/);
  });
});
