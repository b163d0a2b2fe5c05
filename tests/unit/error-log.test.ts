import { describe, expect, it } from "vitest";
import { createLogger } from "~/utils/logger.server";
import { createErrorLog } from "../setup/error-log";

/** The guard behind useTestServer(): what it records decides which server errors fail a test. */
describe("the test server's error log", () => {
  function logged() {
    const errorLog = createErrorLog();
    return { errorLog, log: createLogger("info", errorLog.destination) };
  }

  it("records errors and fatal entries with their message and stack, and nothing milder", () => {
    const { errorLog, log } = logged();
    log.info("request");
    log.warn("foreign origin refused");
    log.error({ err: new Error("relation does not exist") }, "subscribe failed");
    log.fatal("cannot start");
    const { unexpected } = errorLog.take();
    expect(unexpected).toHaveLength(2);
    expect(unexpected[0]).toMatch(/^subscribe failed: Error: relation does not exist\n\s+at /);
    expect(unexpected[1]).toBe("cannot start");
  });

  it("lets a test expect an error it provokes, and starts afresh after each take()", () => {
    const { errorLog, log } = logged();
    errorLog.expect(/health check failed/);
    log.error("health check failed");
    log.error("render error");
    expect(errorLog.take()).toEqual({ unexpected: ["render error"], unmet: [] });
    log.error("health check failed");
    expect(errorLog.take().unexpected).toEqual(["health check failed"]);
  });

  it("reports an expected error that was never logged", () => {
    const { errorLog } = logged();
    errorLog.expect(/subscribe failed/);
    expect(errorLog.take()).toEqual({ unexpected: [], unmet: [/subscribe failed/] });
  });
});
