import { eq, sql } from "drizzle-orm";
import {
  inquiries,
  memberships,
  orgRepresentatives,
  resourceAlliances,
  resources,
} from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import {
  can,
  canInAlliance,
  canInOrg,
  canReadInquiry,
  canSeeResource,
  orgRole,
  platformRole,
  type OrgRepresentation,
  type Viewer,
} from "~/utils/permissions.server";
import { isUuid } from "./topic-records.server";

/**
 * Who may see a resource and what the viewer is to it, in one query — asked by every page, action,
 * download and socket subscription that touches a resource or one of its inquiries:
 * - an alliance-only resource does not exist to outsiders (`canSeeResource`);
 * - a hidden resource exists only for its provider and whoever may moderate it.
 * A withdrawn one stays readable at its address (inquiries point to it) but leaves catalogue and matches.
 */

export type ResourceRef = {
  id: string;
  title: string;
  kind: string;
  orgId: string;
  contactUserId: string | null;
  visibility: "public" | "alliance";
  /** The alliances it is shared with. */
  allianceIds: string[];
  hiddenAt: Date | null;
  withdrawnAt: Date | null;
  /** A representative of the providing organization (or a platform admin): edits it. */
  manage: boolean;
  /** The viewer really represents the providing organization (a platform admin only if they do): answers inquiries. */
  represents: boolean;
  /** An organizer of an alliance it is shared with, or a platform admin (one shared with none). */
  moderate: boolean;
  /** May ask the provider about it: signed in, and not representing its organization. */
  inquire: boolean;
};

const sharedWith = (resourceId: ReturnType<typeof qualified>) =>
  sql<string[]>`array(select ${resourceAlliances.allianceId} from ${resourceAlliances}
    where ${resourceAlliances.resourceId} = ${resourceId})`;

async function fetchResource(db: DbOrTx, viewer: Viewer, resourceId: string) {
  const id = qualified(resources.id);
  const [row] = await db
    .select({
      id: resources.id,
      title: resources.title,
      kind: resources.kind,
      orgId: resources.orgId,
      contactUserId: resources.contactUserId,
      visibility: resources.visibility,
      allianceIds: sharedWith(id),
      hiddenAt: resources.hiddenAt,
      withdrawnAt: resources.withdrawnAt,
      representation: viewer
        ? sql<OrgRepresentation>`(select json_build_object('role', ${orgRepresentatives.role})
            from ${orgRepresentatives} where ${orgRepresentatives.orgId} = ${qualified(resources.orgId)}
            and ${orgRepresentatives.userId} = ${viewer.id})`
        : sql<OrgRepresentation>`null`,
      // The alliances the viewer is active in among those it is shared with, and their role there.
      activeRoles: viewer
        ? sql<{ allianceId: string; role: "chair" | "organizer" | "member" }[]>`coalesce((select
            json_agg(json_build_object('allianceId', ${qualified(memberships.allianceId)}, 'role', ${qualified(memberships.role)}))
            from ${memberships} join ${resourceAlliances}
              on ${qualified(resourceAlliances.allianceId)} = ${qualified(memberships.allianceId)}
            where ${qualified(resourceAlliances.resourceId)} = ${id} and ${qualified(memberships.userId)} = ${viewer.id}
            and ${qualified(memberships.status)} = 'active'), '[]'::json)`
        : sql<{ allianceId: string; role: "chair" | "organizer" | "member" }[]>`'[]'::json`,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  return row ?? null;
}

/** The resource if it exists and the viewer may see it; null otherwise (malformed ids included). */
export async function resourceAccess(
  db: DbOrTx,
  viewer: Viewer,
  resourceId: string,
): Promise<ResourceRef | null> {
  if (!isUuid(resourceId)) return null;
  const row = await fetchResource(db, viewer, resourceId);
  if (!row) return null;
  const manage = canInOrg(orgRole(viewer, row.representation), "resource.manage");
  const active = new Set(row.activeRoles.map((r) => r.allianceId));
  if (!canSeeResource(viewer, active, row, manage)) return null;
  const moderate =
    platformRole(viewer) === "admin" ||
    row.activeRoles.some((r) => canInAlliance(r.role, "resource.moderate"));
  if (row.hiddenAt && !manage && !moderate) return null;
  const { representation: _representation, activeRoles: _activeRoles, ...resource } = row;
  return {
    ...resource,
    manage,
    represents: row.representation !== null,
    moderate,
    inquire: can(viewer, "resource.inquire") && row.representation === null,
  };
}

export type InquiryRef = {
  id: string;
  askerId: string;
  status: "open" | "answered" | "accepted" | "declined" | "withdrawn";
  resource: ResourceRef;
  /** The viewer answers for the provider (else they are the asker); platform admins are neither. */
  provider: boolean;
};

/**
 * An inquiry for its asker and the provider only; null (404, topic refused as missing) for everyone
 * else, organizers and platform admins included, and when the viewer can no longer see the resource.
 */
export async function inquiryAccess(
  db: DbOrTx,
  viewer: Viewer,
  inquiryId: string,
): Promise<InquiryRef | null> {
  if (!isUuid(inquiryId)) return null;
  const [row] = await db
    .select({
      id: inquiries.id,
      askerId: inquiries.askerId,
      status: inquiries.status,
      resourceId: inquiries.resourceId,
    })
    .from(inquiries)
    .where(eq(inquiries.id, inquiryId));
  if (!row) return null;
  const resource = await resourceAccess(db, viewer, row.resourceId);
  // Inquiries are between the asker and the organization: a platform admin's blanket `manage` does not open them.
  if (!resource || !canReadInquiry(viewer, row, resource.represents)) return null;
  return { id: row.id, askerId: row.askerId, status: row.status, resource, provider: resource.represents };
}
