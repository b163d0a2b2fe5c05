import { asc, eq, inArray } from "drizzle-orm";
import { chainNodes, chains, organizations, orgPositions } from "../../db/schema/index";
import type { Db, DbOrTx } from "~/utils/db.server";
import type { OrgKind, OrgProfileInput } from "~/validation/organization";
import { recordAudit } from "./audit.server";
import { isUuid } from "./topic-records.server";

type Named = { nameZh: string; nameEn: string };

/** The edit form's starting values: what is stored, positions as two lists of node ids. */
export type OrgEditValues = Named & {
  kind: OrgKind;
  website: string;
  city: string;
  descriptionZh: string;
  descriptionEn: string;
  supplies: string[];
  needs: string[];
};

export type NodeChoiceGroup = Named & { slug: string; nodes: (Named & { id: string })[] };

export async function getOrgEditValues(db: DbOrTx, orgId: string): Promise<OrgEditValues | null> {
  if (!isUuid(orgId)) return null;
  const [[org], positions] = await Promise.all([
    db
      .select({
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        kind: organizations.kind,
        website: organizations.website,
        city: organizations.city,
        descriptionZh: organizations.descriptionZh,
        descriptionEn: organizations.descriptionEn,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId)),
    db
      .select({ nodeId: orgPositions.nodeId, kind: orgPositions.kind })
      .from(orgPositions)
      .where(eq(orgPositions.orgId, orgId)),
  ]);
  if (!org) return null;
  return {
    ...org,
    website: org.website ?? "",
    city: org.city ?? "",
    supplies: positions.filter((p) => p.kind === "supplies").map((p) => p.nodeId),
    needs: positions.filter((p) => p.kind === "needs").map((p) => p.nodeId),
  };
}

/** Every chain node an organization may stand on, grouped by chain: one query. */
export async function listNodeChoices(db: DbOrTx): Promise<NodeChoiceGroup[]> {
  const rows = await db
    .select({
      chainSlug: chains.slug,
      chainNameZh: chains.nameZh,
      chainNameEn: chains.nameEn,
      id: chainNodes.id,
      nameZh: chainNodes.nameZh,
      nameEn: chainNodes.nameEn,
    })
    .from(chainNodes)
    .innerJoin(chains, eq(chains.id, chainNodes.chainId))
    .orderBy(asc(chains.position), asc(chains.slug), asc(chainNodes.position), asc(chainNodes.slug));
  const groups = new Map<string, NodeChoiceGroup>();
  for (const row of rows) {
    const group = groups.get(row.chainSlug) ?? {
      slug: row.chainSlug,
      nameZh: row.chainNameZh,
      nameEn: row.chainNameEn,
      nodes: [],
    };
    group.nodes.push({ id: row.id, nameZh: row.nameZh, nameEn: row.nameEn });
    groups.set(row.chainSlug, group);
  }
  return [...groups.values()];
}

export type UpdateResult = { status: "saved" } | { status: "unknownNodes"; fields: ("supplies" | "needs")[] };

/**
 * Saves the profile and replaces the positions in one transaction, with an audit entry naming the
 * fields that changed. Node ids that name no node leave everything as it was.
 */
export async function updateOrganization(
  db: Db,
  input: { orgId: string; actorId: string; values: OrgProfileInput },
): Promise<UpdateResult> {
  const { supplies, needs, ...profile } = input.values;
  const wanted = [...new Set([...supplies, ...needs])];
  return db.transaction(async (tx) => {
    const known = new Set(
      wanted.length === 0
        ? []
        : (await tx.select({ id: chainNodes.id }).from(chainNodes).where(inArray(chainNodes.id, wanted))).map(
            (row) => row.id,
          ),
    );
    const fields = (["supplies", "needs"] as const).filter((field) =>
      input.values[field].some((id) => !known.has(id)),
    );
    if (fields.length > 0) return { status: "unknownNodes", fields };

    const values = {
      nameZh: profile.nameZh,
      nameEn: profile.nameEn,
      kind: profile.kind,
      website: profile.website ?? null,
      city: profile.city ?? null,
      descriptionZh: profile.descriptionZh ?? "",
      descriptionEn: profile.descriptionEn ?? "",
    };
    const [before] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.id, input.orgId))
      .for("update");
    const previous = await tx
      .delete(orgPositions)
      .where(eq(orgPositions.orgId, input.orgId))
      .returning({ nodeId: orgPositions.nodeId, kind: orgPositions.kind });
    await tx.update(organizations).set(values).where(eq(organizations.id, input.orgId));
    const rows = [
      ...[...new Set(supplies)].map((nodeId) => ({ orgId: input.orgId, nodeId, kind: "supplies" as const })),
      ...[...new Set(needs)].map((nodeId) => ({ orgId: input.orgId, nodeId, kind: "needs" as const })),
    ];
    if (rows.length > 0) await tx.insert(orgPositions).values(rows);

    const changed = (Object.keys(values) as (keyof typeof values)[]).filter(
      (key) => before?.[key] !== values[key],
    );
    const positionKey = (p: { nodeId: string; kind: string }) => `${p.kind}:${p.nodeId}`;
    const beforePositions = new Set(previous.map(positionKey));
    const afterPositions = new Set(rows.map(positionKey));
    const added = [...afterPositions].filter((key) => !beforePositions.has(key));
    const removed = [...beforePositions].filter((key) => !afterPositions.has(key));
    await recordAudit(tx, {
      action: "org.updated",
      actorId: input.actorId,
      orgId: input.orgId,
      data: { changed, positionsAdded: added, positionsRemoved: removed },
    });
    return { status: "saved" };
  });
}

/** Only platform admins call this (the route asks the policy table); the badge change is audited. */
export async function setOrganizationVerified(
  db: Db,
  input: { orgId: string; actorId: string; verified: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(organizations)
      .set({ verified: input.verified })
      .where(eq(organizations.id, input.orgId))
      .returning({ id: organizations.id });
    if (rows.length === 0) return;
    await recordAudit(tx, {
      action: input.verified ? "org.verified" : "org.unverified",
      actorId: input.actorId,
      orgId: input.orgId,
    });
  });
}
