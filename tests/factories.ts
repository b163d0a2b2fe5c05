import crypto from "node:crypto";
import { inArray } from "drizzle-orm";
import { searchVector } from "~/search/tsquery.server";
import type { DbOrTx } from "~/utils/db.server";
import { chainNodes, resourceAlliances, resourceNodes, resources } from "../db/schema/index";
import {
  insertAlliances,
  insertChains,
  insertMemberships,
  insertOrganizations,
  insertPositions,
  insertRepresentatives,
  insertUsers,
  type NewAlliance,
  type NewChain,
  type NewMembership,
  type NewOrganization,
  type NewPosition,
  type NewRepresentative,
  type NewUser,
} from "../db/seed-data/insert";

/**
 * Test rows with random, unique defaults, written through the same insert helpers as the seed. Pass
 * only what a test cares about.
 */

export const FACTORY_PASSWORD = "factory-password-1";

const unique = () => crypto.randomBytes(5).toString("hex");

export async function createUser(db: DbOrTx, overrides: Partial<NewUser> = {}) {
  const id = unique();
  const input: NewUser = {
    email: `user-${id}@test.qilian.example`,
    displayName: `测试用户 ${id}`,
    password: FACTORY_PASSWORD,
    ...overrides,
  };
  const { byEmail } = await insertUsers(db, [input]);
  return { user: byEmail.get(input.email.toLowerCase())!, password: input.password };
}

export async function createOrganization(db: DbOrTx, overrides: Partial<NewOrganization> = {}) {
  const id = unique();
  const input: NewOrganization = {
    slug: `org-${id}`,
    nameZh: `测试机构${id}`,
    nameEn: `Test Organization ${id}`,
    kind: "enterprise",
    city: "天津",
    ...overrides,
  };
  return (await insertOrganizations(db, [input])).get(input.slug)!;
}

export async function addRepresentative(db: DbOrTx, representative: NewRepresentative): Promise<void> {
  await insertRepresentatives(db, [representative]);
}

/** An organization supplying or needing a chain node. */
export async function addPosition(db: DbOrTx, position: NewPosition): Promise<void> {
  await insertPositions(db, [position]);
}

/** A membership, active by default (pass `status: "pending"` for an applicant). */
export async function addMember(
  db: DbOrTx,
  membership: Pick<NewMembership, "allianceId" | "userId"> & Partial<NewMembership>,
): Promise<void> {
  await insertMemberships(db, [{ role: "member", status: "active", ...membership }]);
}

/** By default a small chain with a join and a branch: two suppliers → assembly → two applications. */
export async function createChain(db: DbOrTx, overrides: Partial<NewChain> = {}) {
  const id = unique();
  const input: NewChain = {
    slug: `chain-${id}`,
    nameZh: `测试产业链${id}`,
    nameEn: `Test Chain ${id}`,
    nodes: [
      { slug: "part-a", nameZh: "部件甲", nameEn: "Part A" },
      { slug: "part-b", nameZh: "部件乙", nameEn: "Part B" },
      { slug: "assembly", nameZh: "整机", nameEn: "Assembly", upstream: ["part-a", "part-b"] },
      { slug: "use-a", nameZh: "应用甲", nameEn: "Application A", upstream: ["assembly"] },
      { slug: "use-b", nameZh: "应用乙", nameEn: "Application B", upstream: ["assembly"] },
    ],
    ...overrides,
  };
  return (await insertChains(db, [input])).get(input.slug)!;
}

export async function createAlliance(db: DbOrTx, overrides: Partial<NewAlliance> = {}) {
  const id = unique();
  const input: NewAlliance = {
    slug: `alliance-${id}`,
    nameZh: `测试联盟${id}`,
    nameEn: `Test Alliance ${id}`,
    joinPolicy: "request",
    ...overrides,
  };
  return (await insertAlliances(db, [input])).get(input.slug)!;
}

export type NewTestResource = Partial<Omit<typeof resources.$inferInsert, "search" | "chainIds">> & {
  orgId: string;
  nodeIds?: string[];
  /** The alliances it is shared with (its tab in each; who may see it when alliance-only). */
  allianceIds?: string[];
};

/**
 * A public negotiable service offer of `orgId` by default, with its nodes, their chains, the alliances it
 * is shared with and its search vector written as the app writes them. Expires in a year unless told.
 */
export async function createResource(db: DbOrTx, input: NewTestResource) {
  const { nodeIds = [], allianceIds = [], ...overrides } = input;
  const row = {
    kind: "service" as const,
    title: `测试资源${unique()}`,
    description: "测试用的资源说明。",
    terms: "negotiable" as const,
    expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    ...overrides,
  };
  const chainIds =
    nodeIds.length === 0
      ? []
      : [
          ...new Set(
            (
              await db
                .select({ chainId: chainNodes.chainId })
                .from(chainNodes)
                .where(inArray(chainNodes.id, nodeIds))
            ).map((node) => node.chainId),
          ),
        ];
  const [resource] = await db
    .insert(resources)
    .values({
      ...row,
      chainIds,
      search: searchVector({ title: row.title, body: row.description, tags: row.tags }),
    })
    .returning();
  if (nodeIds.length > 0)
    await db.insert(resourceNodes).values(nodeIds.map((nodeId) => ({ resourceId: resource.id, nodeId })));
  if (allianceIds.length > 0)
    await db
      .insert(resourceAlliances)
      .values(allianceIds.map((allianceId) => ({ resourceId: resource.id, allianceId })));
  return resource;
}
