import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "~/utils/env.server";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.publicUrl.origin).toBe("http://localhost:3000");
    expect(config.secureCookies).toBe(false);
    expect(config.seedDemo).toBe(true);
    expect(config.trustProxy).toBe(false);
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("names each bad variable", () => {
    const found = problems({ PORT: "abc", DATABASE_URL: "mysql://x", REDIS_URL: "nope", SEED_DEMO: "maybe" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual([
      "DATABASE_URL",
      "PORT",
      "REDIS_URL",
      "SEED_DEMO",
    ]);
    expect(found.find((p) => p.startsWith("PORT"))).toContain('"abc"');
  });

  it("never echoes secrets in its messages", () => {
    const found = problems({ DATABASE_URL: "postgres://user:hunter2@", ADMIN_PASSWORD: "short" });
    expect(found.join("\n")).not.toMatch(/hunter2|short"/);
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(problems({ ADMIN_EMAIL: "ops@example.org" })).toEqual([
      "ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    ]);
  });

  it("seeds the demo only for a local trial unless told otherwise", () => {
    expect(loadConfig({ PUBLIC_URL: "https://qilian.example.org" }).seedDemo).toBe(false);
    expect(loadConfig({ PUBLIC_URL: "https://qilian.example.org", SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("trusts a counted number of proxies, never every X-Forwarded-For hop", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
    expect(problems({ TRUST_PROXY: "yes please" })[0]).toMatch(/^TRUST_PROXY: must be false/);
  });

  it("makes cookies Secure behind an https public URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://qilian.example.org" }).secureCookies).toBe(true);
  });
});
