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
    expect(config.SEED_DEMO).toBe(true);
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("names each bad variable", () => {
    const found = problems({ PORT: "abc", DATABASE_URL: "mysql://x", REDIS_URL: "nope", SEED_DEMO: "maybe" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual(["DATABASE_URL", "PORT", "REDIS_URL", "SEED_DEMO"]);
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

  it("makes cookies Secure behind an https public URL", () => {
    expect(loadConfig({ PUBLIC_URL: "https://qilian.example.org" }).secureCookies).toBe(true);
  });
});
