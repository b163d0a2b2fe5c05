import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "../setup/build";
import { spawnServer, tempDataDir } from "../setup/spawn-server";

/** One seeded Qilian on its own embedded database, as `npm start` runs it, for every browser test. */
export default async function setup(project: TestProject) {
  ensureBuild();
  const dataDir = tempDataDir("qilian-e2e-");
  const server = await spawnServer({ DATA_DIR: dataDir, SEED_DEMO: "true" });
  project.provide("e2eBaseUrl", server.url);
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}
