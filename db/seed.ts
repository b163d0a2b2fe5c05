import { pathToFileURL } from "node:url";
import { count } from "drizzle-orm";
import { appendActivities } from "~/models/activity.server";
import { refreshInsights } from "~/models/insights/refresh.server";
import { allianceTopic, PLATFORM_TOPIC } from "~/realtime/topics";
import type { Db, Tx } from "~/utils/db.server";
import type { Logger } from "~/utils/logger.server";
import { allianceSeeds } from "./seed-data/alliances";
import { chainSeeds } from "./seed-data/chains";
import { seedChannels } from "./seed-data/channels";
import { seedEventAfter } from "./seed-data/event-after";
import { seedHistory } from "./seed-data/history";
import { seedEvents } from "./seed-data/events";
import {
  insertAlliances,
  insertChains,
  insertMemberships,
  insertOrganizations,
  insertPositions,
  insertRepresentatives,
  insertUsers,
  type UserRow,
} from "./seed-data/insert";
import { membershipHistory, requestNotes } from "./seed-data/membership-history";
import { membershipSeeds } from "./seed-data/memberships";
import { seedOpenReports } from "./seed-data/open-reports";
import { organizationSeeds } from "./seed-data/organizations";
import { positionSeeds } from "./seed-data/positions";
import { seedProblemCare } from "./seed-data/problem-care";
import { seedProblemWork } from "./seed-data/problem-work";
import { seedProblems } from "./seed-data/problems";
import { placeDemoFiles, seedResources } from "./seed-data/resources";
import { DEMO_PASSWORD, userSeeds } from "./seed-data/users";
import { alliances, auditLog, notifications } from "./schema/index";

/** How far apart the demo users appear to have joined, so the home feed reads like a history. */
const JOIN_INTERVAL_MS = 97 * 60_000;

export type SeedOptions = {
  /** DATA_DIR: the demo's attachments are written under it; without it the demo has none. */
  dataDir?: string;
};

/**
 * Demo content, in one transaction; every insert is keyed on a natural key, so seeding twice changes
 * nothing, and a partly seeded database only gets what it lacks.
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<void> {
  const now = Date.now();
  const { files, historyWritten } = await db.transaction(async (tx) => {
    const chains = await insertChains(
      tx,
      chainSeeds.map((chain, position) => ({ ...chain, position })),
    );
    const allianceRows = await insertAlliances(
      tx,
      allianceSeeds.map(({ chains: slugs, ...alliance }, position) => ({
        ...alliance,
        position,
        chainIds: slugs.map((slug) => found(chains, slug, "chain").chain.id),
      })),
    );
    const orgs = await insertOrganizations(tx, organizationSeeds);
    await insertPositions(
      tx,
      positionSeeds.map(({ org, chain, node, kind }) => ({
        orgId: found(orgs, org, "organization").id,
        nodeId: found(found(chains, chain, "chain").nodes, node, "chain node").id,
        kind,
      })),
    );
    const { byEmail, created } = await insertUsers(
      tx,
      userSeeds.map((user, i) => ({
        ...user,
        password: DEMO_PASSWORD,
        createdAt: new Date(now - (userSeeds.length - 1 - i) * JOIN_INTERVAL_MS),
      })),
    );
    await insertRepresentatives(
      tx,
      userSeeds.flatMap((user) =>
        user.organizations.map(({ slug, role }) => ({
          orgId: found(orgs, slug, "organization").id,
          userId: found(byEmail, user.email, "user").id,
          role,
        })),
      ),
    );
    const createdMemberships = await insertMemberships(
      tx,
      membershipSeeds.map(({ alliance, email, role, status }) => ({
        allianceId: found(allianceRows, alliance, "alliance").id,
        userId: found(byEmail, email, "user").id,
        role,
        status,
        message: status === "pending" ? (requestNotes[email] ?? "") : "",
        joinedAt: found(byEmail, email, "user").createdAt,
      })),
    );
    const history = membershipHistory({
      created: createdMemberships,
      alliances: new Map([...allianceRows.values()].map((a) => [a.id, a])),
      people: new Map([...byEmail.values()].map((u) => [u.id, u])),
      now: new Date(now),
    });
    if (history.audit.length > 0) await tx.insert(auditLog).values(history.audit);
    if (history.notes.length > 0) await tx.insert(notifications).values(history.notes);
    await appendActivities(
      tx,
      createdMemberships
        .filter((m) => m.status === "active" && m.joinedAt)
        .sort((a, b) => a.joinedAt!.getTime() - b.joinedAt!.getTime())
        .map((m) => ({
          topic: allianceTopic(m.allianceId),
          type: "member.joined",
          payload: { userId: m.userId },
          actorId: m.userId,
          createdAt: m.joinedAt!,
        })),
    );
    await announceJoined(tx, created);
    await seedProblems(tx, { chains, alliances: allianceRows, users: byEmail, now });
    await seedProblemCare(tx, { users: byEmail, now });
    await seedProblemWork(tx, { users: byEmail, orgs, now });
    await seedEvents(tx, { alliances: allianceRows, users: byEmail, now });
    await seedEventAfter(tx, { users: byEmail });
    await seedChannels(tx, { alliances: allianceRows, users: byEmail, now });
    const past = { chains, alliances: allianceRows, orgs, users: byEmail, now };
    const historyWritten = await seedHistory(tx, past);
    await seedOpenReports(tx, past);
    const files = await seedResources(tx, {
      chains,
      alliances: allianceRows,
      orgs,
      users: byEmail,
      now,
      dataDir: options.dataDir ?? null,
    });
    return { files, historyWritten };
  });
  if (options.dataDir) await placeDemoFiles(options.dataDir, files);
  // The dashboard's figures, right away rather than at the job runner's next round; a second seed that
  // wrote no history leaves them (and their time) as they were.
  if (historyWritten > 0) await refreshInsights(db, new Date(now));
}

/**
 * Feed entries for the demo users this run created (never the admin), so re-seeding adds none. The
 * payload has the shape sign-up publishes (app/models/users.server.ts), so the feed reads both alike.
 */
async function announceJoined(tx: Tx, created: UserRow[]): Promise<void> {
  const rows = created
    .filter((user) => user.platformRole !== "admin")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((user) => {
      const seed = userSeeds.find((s) => s.email === user.email)!;
      const { slug, nameZh, nameEn } = organizationSeeds.find((o) => o.slug === seed.organizations[0].slug)!;
      return {
        topic: PLATFORM_TOPIC,
        type: "user.joined",
        payload: { displayName: user.displayName, organization: { slug, nameZh, nameEn } },
        actorId: user.id,
        createdAt: user.createdAt,
      };
    });
  await appendActivities(tx, rows);
}

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed data names an unknown ${what}: ${key}`);
  return value;
}

/** First start of an empty database: fill it with the demo. */
export async function seedIfEmpty(db: Db, log: Logger, options: SeedOptions = {}): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(alliances);
  if (n > 0) return;
  log.info("empty database: seeding demo data");
  await seedDemoData(db, options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { runWithDatabase } = await import("./cli");
  const { loadConfig } = await import("~/utils/env.server");
  await runWithDatabase("seed", (db) => seedDemoData(db, { dataDir: loadConfig().dataDir }));
}
