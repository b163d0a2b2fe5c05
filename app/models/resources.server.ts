import { eq, inArray, sql } from "drizzle-orm";
import { chainNodes, resourceAlliances, resourceNodes, resources } from "../../db/schema/index";
import { searchVector } from "~/search/tsquery.server";
import type { Services } from "~/server/context.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import {
  type ResourceInput,
  type ResourceKind,
  type ResourceMode,
  type ResourceTerms,
  type ResourceVisibility,
} from "~/validation/resource";
import { transact } from "./activity.server";
import { enqueueJob } from "./jobs.server";
import { resourceMatchJob } from "./resource-match-jobs.server";
import {
  listAllianceChoices,
  listOrgChoices,
  type AllianceChoice,
  type OrgChoice,
} from "./resource-choices.server";
import type { ResourceRef } from "./resource-access.server";

/**
 * Sharing and editing resources. A resource's nodes, the chains they belong to, the alliances it is
 * shared with and its search vector are written together, in one transaction.
 * Callers have checked `resource.create` or `ResourceRef.manage`; the record rules that need the
 * database (the organization is one the viewer represents, the contact one of its representatives, the
 * alliances the viewer's own) are checked here and answered as field errors.
 */

type WriteServices = Pick<Services, "db" | "realtime">;

export type NewResource = {
  /** Only the demo seed picks ids, to recognize its resources when run again. */
  id?: string;
  kind: ResourceKind;
  title: string;
  description: string;
  orgId: string;
  createdById: string | null;
  contactUserId: string | null;
  visibility: ResourceVisibility;
  terms: ResourceTerms;
  modes: ResourceMode[];
  termsNote?: string;
  tags: string[];
  nodeIds: string[];
  allianceIds: string[];
  expiresOn: string;
  expiryNoticeAt?: Date | null;
  withdrawnAt?: Date | null;
  createdAt?: Date;
};

const searchOf = (r: Pick<NewResource, "title" | "description" | "tags">) =>
  searchVector({ title: r.title, body: r.description, tags: r.tags });

/** Replaces a resource's nodes, and the chain ids lists filter by with them. */
async function setNodes(db: DbOrTx, resourceId: string, nodeIds: readonly string[]): Promise<void> {
  await db.delete(resourceNodes).where(eq(resourceNodes.resourceId, resourceId));
  if (nodeIds.length > 0)
    await db.insert(resourceNodes).values(nodeIds.map((nodeId) => ({ resourceId, nodeId })));
  await db
    .update(resources)
    .set({
      chainIds:
        nodeIds.length === 0
          ? []
          : sql`array(select distinct ${chainNodes.chainId} from ${chainNodes}
              where ${inArray(chainNodes.id, [...nodeIds])} order by ${chainNodes.chainId})`,
    })
    .where(eq(resources.id, resourceId));
}

async function setAlliances(db: DbOrTx, resourceId: string, allianceIds: readonly string[]): Promise<void> {
  await db.delete(resourceAlliances).where(eq(resourceAlliances.resourceId, resourceId));
  if (allianceIds.length > 0)
    await db.insert(resourceAlliances).values(allianceIds.map((allianceId) => ({ resourceId, allianceId })));
}

/** Writes a resource with its nodes, chains, alliances and search vector; callers have checked everything. */
export async function insertResource(db: DbOrTx, resource: NewResource): Promise<string> {
  const createdAt = resource.createdAt ?? new Date();
  const [{ id }] = await db
    .insert(resources)
    .values({
      ...(resource.id && { id: resource.id }),
      kind: resource.kind,
      title: resource.title,
      description: resource.description,
      orgId: resource.orgId,
      createdById: resource.createdById,
      contactUserId: resource.contactUserId,
      visibility: resource.visibility,
      terms: resource.terms,
      modes: resource.modes,
      termsNote: resource.termsNote ?? "",
      tags: resource.tags,
      search: searchOf(resource),
      expiresOn: resource.expiresOn,
      expiryNoticeAt: resource.expiryNoticeAt ?? null,
      withdrawnAt: resource.withdrawnAt ?? null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: resources.id });
  await setNodes(db, id, resource.nodeIds);
  await setAlliances(db, id, resource.allianceIds);
  return id;
}

type Field = "orgId" | "contactUserId" | "nodeIds" | "allianceIds";
export type FieldErrors = Partial<Record<Field, string[]>>;

/**
 * The record rules of the form: the organization among `orgs`, the contact one of its representatives,
 * the nodes existing, the alliances among `allowedAlliances`.
 */
async function checkRecords(
  db: DbOrTx,
  input: ResourceInput,
  orgs: OrgChoice[],
  allowedAlliances: AllianceChoice[],
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const org = orgs.find((o) => o.id === input.orgId);
  if (!org) errors.orgId = ["resource.error.orgNotRepresented"];
  else if (!org.contacts.some((c) => c.id === input.contactUserId))
    errors.contactUserId = ["resource.error.contactNotRepresentative"];
  const found =
    input.nodeIds.length > 0
      ? await db.select({ id: chainNodes.id }).from(chainNodes).where(inArray(chainNodes.id, input.nodeIds))
      : [];
  if (found.length !== input.nodeIds.length) errors.nodeIds = ["resource.error.nodesUnknown"];
  const allowed = new Set(allowedAlliances.map((a) => a.id));
  if (!input.allianceIds.every((id) => allowed.has(id)))
    errors.allianceIds = ["resource.error.allianceNotMember"];
  return errors;
}

export type SaveResult =
  | { status: "saved"; id: string }
  | { status: "unchanged"; id: string }
  | { status: "invalid"; fieldErrors: FieldErrors };

/** Shares a resource from the validated form, for an organization the author represents. */
export async function createResource(
  services: WriteServices,
  authorId: string,
  input: ResourceInput,
): Promise<SaveResult> {
  return transact(services, async (tx) => {
    const [orgs, allowed] = await Promise.all([
      listOrgChoices(tx, authorId),
      input.allianceIds.length > 0 ? listAllianceChoices(tx, authorId) : Promise.resolve([]),
    ]);
    const fieldErrors = await checkRecords(tx, input, orgs, allowed);
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
    const id = await insertResource(tx, { ...input, createdById: authorId });
    await enqueueJob(tx, resourceMatchJob(id, new Date()));
    return { status: "saved", id };
  });
}

export type ResourceDraft = {
  kind: ResourceKind;
  title: string;
  description: string;
  orgId: string;
  contactUserId: string | null;
  visibility: ResourceVisibility;
  terms: ResourceTerms;
  modes: ResourceMode[];
  termsNote: string;
  tags: string[];
  expiresOn: string;
  nodeIds: string[];
  allianceIds: string[];
};

const thisResource = qualified(resources.id);

/** The resource as the edit form shows it; one query. */
export async function getResourceDraft(db: DbOrTx, resourceId: string): Promise<ResourceDraft | null> {
  const [row] = await db
    .select({
      kind: resources.kind,
      title: resources.title,
      description: resources.description,
      orgId: resources.orgId,
      contactUserId: resources.contactUserId,
      visibility: resources.visibility,
      terms: resources.terms,
      modes: resources.modes,
      termsNote: resources.termsNote,
      tags: resources.tags,
      expiresOn: resources.expiresOn,
      nodeIds: sql<string[]>`array(select ${resourceNodes.nodeId}::text from ${resourceNodes}
        where ${resourceNodes.resourceId} = ${thisResource} order by ${resourceNodes.nodeId})`,
      allianceIds: sql<string[]>`array(select ${resourceAlliances.allianceId}::text from ${resourceAlliances}
        where ${resourceAlliances.resourceId} = ${thisResource} order by ${resourceAlliances.allianceId})`,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  return row ?? null;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/**
 * Saves the validated edit form. The organization may change to another the editor represents; the
 * alliances may be the editor's own or those it is shared with already. Saving what is there writes
 * nothing. A new expiry day starts a new expiry: the owner will be asked again when it passes.
 */
export async function editResource(
  services: WriteServices,
  resource: ResourceRef,
  editorId: string,
  input: ResourceInput,
): Promise<SaveResult> {
  return transact(services, async (tx) => {
    await tx.execute(sql`select 1 from ${resources} where ${resources.id} = ${resource.id} for update`);
    const current = await getResourceDraft(tx, resource.id);
    if (!current) return { status: "invalid", fieldErrors: {} };
    const [orgs, allowed] = await Promise.all([
      listOrgChoices(tx, editorId, current.orgId),
      listAllianceChoices(tx, editorId, current.allianceIds),
    ]);
    const fieldErrors = await checkRecords(tx, input, orgs, allowed);
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const textChanged =
      input.title !== current.title ||
      input.description !== current.description ||
      !sameSet(input.tags, current.tags);
    const nodesChanged = !sameSet(input.nodeIds, current.nodeIds);
    const alliancesChanged = !sameSet(input.allianceIds, current.allianceIds);
    const changed =
      textChanged ||
      nodesChanged ||
      alliancesChanged ||
      input.kind !== current.kind ||
      input.orgId !== current.orgId ||
      input.contactUserId !== current.contactUserId ||
      input.visibility !== current.visibility ||
      input.terms !== current.terms ||
      !sameSet(input.modes, current.modes) ||
      input.termsNote !== current.termsNote ||
      input.expiresOn !== current.expiresOn;
    if (!changed) return { status: "unchanged", id: resource.id };

    await tx
      .update(resources)
      .set({
        kind: input.kind,
        title: input.title,
        description: input.description,
        orgId: input.orgId,
        contactUserId: input.contactUserId,
        visibility: input.visibility,
        terms: input.terms,
        modes: input.modes,
        termsNote: input.termsNote,
        tags: input.tags,
        expiresOn: input.expiresOn,
        ...(input.expiresOn !== current.expiresOn && { expiryNoticeAt: null }),
        ...(textChanged && { search: searchOf(input) }),
        updatedAt: new Date(),
      })
      .where(eq(resources.id, resource.id));
    if (nodesChanged) await setNodes(tx, resource.id, input.nodeIds);
    if (alliancesChanged) await setAlliances(tx, resource.id, input.allianceIds);
    // New words, nodes or readers may make new matches worth announcing.
    if (textChanged || nodesChanged || alliancesChanged || input.visibility !== current.visibility)
      await enqueueJob(tx, resourceMatchJob(resource.id, new Date()));
    return { status: "saved", id: resource.id };
  });
}
