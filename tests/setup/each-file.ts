import crypto from "node:crypto";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";
import { withDatabase } from "./global-setup";

/**
 * Every test file gets its own database cloned from the migrated template, so files never see each
 * other's rows and can run on parallel workers. Its URL is in process.env.TEST_DATABASE_URL.
 */
const name = `qilian_test_${process.env.VITEST_POOL_ID ?? "0"}_${crypto.randomBytes(4).toString("hex")}`;
const admin = postgres(inject("adminDatabaseUrl"), { max: 1, onnotice: () => {} });

beforeAll(async () => {
  await admin.unsafe(`create database ${name} template ${inject("templateDatabase")}`);
  process.env.TEST_DATABASE_URL = withDatabase(inject("adminDatabaseUrl"), name);
});

afterAll(async () => {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** An unexpected console.error (a React warning, an unhandled server error) fails the test that caused it. */
const consoleErrors: string[] = [];
const originalError = console.error;
beforeEach(() => {
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(" "));
    originalError(...args);
  };
});
afterEach(() => {
  console.error = originalError;
  const seen = consoleErrors.splice(0);
  expect(seen, "console.error was called").toEqual([]);
});
