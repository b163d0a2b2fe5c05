import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { ensureBuild } from "./build";
import { tempDataDir } from "./spawn-server";

/**
 * One PostgreSQL for the run: DATABASE_URL's server when set (CI proves a stock server that way),
 * otherwise a throwaway embedded cluster. A migrated template database is cloned once per test file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | undefined;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    embedded = await startEmbeddedPostgres({
      dir: tempDataDir("qilian-test-pg-"),
      database: "postgres",
      ephemeral: true,
    });
    adminUrl = embedded.url;
  }
  const template = `qilian_template_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    await migrateDatabase(withDatabase(adminUrl, template));
    // HTTP and socket tests serve the real Remix build.
    ensureBuild();
  } catch (error) {
    await admin.end();
    await embedded?.stop();
    throw error;
  }
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
    await embedded?.stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
