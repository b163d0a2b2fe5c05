import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoLogins } from "../../db/seed-data/users";

/** The README is the contract: its demo log-ins must be the ones the seed creates. */
describe("README", () => {
  const readme = fs.readFileSync("README.md", "utf8");

  it("lists every demo log-in and the demo password", () => {
    expect(readme).toContain(DEMO_PASSWORD);
    for (const login of demoLogins) expect(readme).toContain(`\`${login.email}\``);
  });

  it("lists no log-in the seed does not create", () => {
    const listed = [...readme.matchAll(/`([\w.]+@demo\.qilian\.example)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(demoLogins.map((l) => l.email).sort());
  });
});
