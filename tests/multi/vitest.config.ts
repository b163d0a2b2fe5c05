import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:multi`: Redis and two server processes (DESIGN §4). Not part of `npm test`: it needs
 * Debian's redis-server and the production build, which the shared global setup makes.
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app"), "~db": path.resolve("db") } },
  test: {
    include: ["tests/multi/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/each-file.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
