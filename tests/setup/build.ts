import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * Builds the app the way `npm run build` does, unless QILIAN_TEST_BUILD=skip and a build exists. The
 * build must be a production one even under vitest (NODE_ENV=test): a server started with
 * NODE_ENV=production cannot run a development build ("jsxDEV is not a function").
 */
export function ensureBuild() {
  if (process.env.QILIAN_TEST_BUILD === "skip" && fs.existsSync("build/index.js")) return;
  execFileSync("npx", ["remix", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
