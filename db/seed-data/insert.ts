import crypto from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import {
  allianceChains,
  alliances,
  chainEdges,
  chainNodes,
  chains,
  organizations,
  memberships,
  orgPositions,
  orgRepresentatives,
  users,
} from "../schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

/**
 * Batch inserts keyed on natural keys (email, slug, (chain, slug), composite keys), shared by the seed and
 * tests/factories.ts. A row whose key exists is left as it is, so running the same input twice changes
 * nothing and never overwrites what people edited since.
 */

export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type ChainRow = typeof chains.$inferSelect;
export type ChainNodeRow = typeof chainNodes.$inferSelect;
export type AllianceRow = typeof alliances.$inferSelect;

export type NewUser = {
  email: string;
  displayName: string;
  password: string;
  locale?: "zh-CN" | "en";
  platformRole?: "admin" | null;
  createdAt?: Date;
};

/** Hashes (argon2, the slow part) only the users whose email is still free. */
export async function insertUsers(
  db: DbOrTx,
  input: NewUser[],
): Promise<{ byEmail: Map<string, UserRow>; created: UserRow[] }> {
  const emails = input.map((u) => u.email.toLowerCase());
  if (emails.length === 0) return { byEmail: new Map(), created: [] };
  const byLowerEmail = inArray(sql`lower(${users.email})`, emails);
  const taken = new Set(
    (await db.select({ email: users.email }).from(users).where(byLowerEmail)).map((r) =>
      r.email.toLowerCase(),
    ),
  );
  const fresh = input.filter((u) => !taken.has(u.email.toLowerCase()));
  const values = await Promise.all(
    fresh.map(async (u) => ({
      id: crypto.randomUUID(),
      email: u.email.toLowerCase(),
      displayName: u.displayName,
      passwordHash: await hashPassword(u.password),
      locale: u.locale ?? "zh-CN",
      platformRole: u.platformRole ?? null,
      ...(u.createdAt && { createdAt: u.createdAt, updatedAt: u.createdAt }),
    })),
  );
  // `created` comes from the insert itself, so a concurrent seeder that won the race is not counted twice.
  const created =
    values.length > 0 ? await db.insert(users).values(values).onConflictDoNothing().returning() : [];
  const all = await db.select().from(users).where(byLowerEmail);
  return { byEmail: new Map(all.map((u) => [u.email.toLowerCase(), u])), created };
}

export type NewOrganization = Omit<typeof organizations.$inferInsert, "id" | "createdAt">;

export async function insertOrganizations(
  db: DbOrTx,
  input: NewOrganization[],
): Promise<Map<string, OrganizationRow>> {
  if (input.length === 0) return new Map();
  await db.insert(organizations).values(input).onConflictDoNothing({ target: organizations.slug });
  const rows = await db
    .select()
    .from(organizations)
    .where(
      inArray(
        organizations.slug,
        input.map((o) => o.slug),
      ),
    );
  return new Map(rows.map((o) => [o.slug, o]));
}

export type NewRepresentative = { orgId: string; userId: string; role: "admin" | "representative" };

export async function insertRepresentatives(db: DbOrTx, input: NewRepresentative[]): Promise<void> {
  if (input.length === 0) return;
  await db.insert(orgRepresentatives).values(input).onConflictDoNothing();
}

export type NewPosition = { orgId: string; nodeId: string; kind: "supplies" | "needs" };

export async function insertPositions(db: DbOrTx, input: NewPosition[]): Promise<void> {
  if (input.length === 0) return;
  await db.insert(orgPositions).values(input).onConflictDoNothing();
}

export type NewMembership = {
  allianceId: string;
  userId: string;
  role: "chair" | "organizer" | "member";
  status: "pending" | "active";
  message?: string;
  /** When an active membership began; now unless given. */
  joinedAt?: Date;
};

/** Returns the memberships this call created (existing ones are left alone and not returned). */
export async function insertMemberships(
  db: DbOrTx,
  input: NewMembership[],
): Promise<(typeof memberships.$inferSelect)[]> {
  if (input.length === 0) return [];
  return db
    .insert(memberships)
    .values(
      input.map((m) => ({
        ...m,
        joinedAt: m.status === "active" ? (m.joinedAt ?? new Date()) : null,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

export type NewChainNode = { slug: string; nameZh: string; nameEn: string; upstream?: string[] };
export type NewChain = Omit<typeof chains.$inferInsert, "id"> & { nodes: NewChainNode[] };
export type InsertedChain = { chain: ChainRow; nodes: Map<string, ChainNodeRow> };

/** Chains with their nodes (position = index in `nodes`) and upstream → downstream edges. */
export async function insertChains(db: DbOrTx, input: NewChain[]): Promise<Map<string, InsertedChain>> {
  if (input.length === 0) return new Map();
  for (const chain of input) assertWellFormed(chain);
  await db
    .insert(chains)
    .values(input.map(({ nodes: _nodes, ...chain }) => chain))
    .onConflictDoNothing({ target: chains.slug });
  const chainRows = await db
    .select()
    .from(chains)
    .where(
      inArray(
        chains.slug,
        input.map((c) => c.slug),
      ),
    );
  const chainBySlug = new Map(chainRows.map((c) => [c.slug, c]));

  const nodeValues = input.flatMap((c) =>
    c.nodes.map((n, position) => ({
      chainId: chainBySlug.get(c.slug)!.id,
      slug: n.slug,
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      position,
    })),
  );
  if (nodeValues.length > 0) await db.insert(chainNodes).values(nodeValues).onConflictDoNothing();
  const nodeRows = await db
    .select()
    .from(chainNodes)
    .where(
      inArray(
        chainNodes.chainId,
        chainRows.map((c) => c.id),
      ),
    );

  const result = new Map<string, InsertedChain>(
    chainRows.map((c) => [c.slug, { chain: c, nodes: new Map() }]),
  );
  const slugById = new Map(chainRows.map((c) => [c.id, c.slug]));
  for (const node of nodeRows) result.get(slugById.get(node.chainId)!)!.nodes.set(node.slug, node);

  const edges = input.flatMap((c) => {
    const nodes = result.get(c.slug)!.nodes;
    return c.nodes.flatMap((n) =>
      (n.upstream ?? []).map((from) => ({
        fromNodeId: nodes.get(from)!.id,
        toNodeId: nodes.get(n.slug)!.id,
      })),
    );
  });
  if (edges.length > 0) await db.insert(chainEdges).values(edges).onConflictDoNothing();
  return result;
}

/** A typo in hand-written chain data would otherwise vanish silently into onConflictDoNothing or a missing edge. */
function assertWellFormed(chain: NewChain): void {
  const slugs = new Set(chain.nodes.map((n) => n.slug));
  if (slugs.size !== chain.nodes.length) throw new Error(`chain ${chain.slug}: duplicate node slugs`);
  for (const node of chain.nodes) {
    for (const from of node.upstream ?? []) {
      if (!slugs.has(from))
        throw new Error(`chain ${chain.slug}: node ${node.slug} names unknown upstream node ${from}`);
    }
  }
}

export type NewAlliance = Omit<typeof alliances.$inferInsert, "id" | "createdAt" | "archivedAt"> & {
  chainIds?: string[];
};

export async function insertAlliances(db: DbOrTx, input: NewAlliance[]): Promise<Map<string, AllianceRow>> {
  if (input.length === 0) return new Map();
  await db
    .insert(alliances)
    .values(input.map(({ chainIds: _chainIds, ...alliance }) => alliance))
    .onConflictDoNothing({ target: alliances.slug });
  const rows = await db
    .select()
    .from(alliances)
    .where(
      inArray(
        alliances.slug,
        input.map((a) => a.slug),
      ),
    );
  const bySlug = new Map(rows.map((a) => [a.slug, a]));
  const links = input.flatMap((a) =>
    (a.chainIds ?? []).map((chainId) => ({ allianceId: bySlug.get(a.slug)!.id, chainId })),
  );
  if (links.length > 0) await db.insert(allianceChains).values(links).onConflictDoNothing();
  return bySlug;
}
