import { eq, sql } from "drizzle-orm";
import {
  alliances,
  contentReports,
  organizations,
  resourceAlliances,
  resources,
  users,
} from "../../db/schema/index";
import { alias } from "drizzle-orm/pg-core";
import { renderMarkdown } from "~/markdown/render.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import { can, type Viewer } from "~/utils/permissions.server";
import {
  chinaDay,
  isExpired,
  type ResourceKind,
  type ResourceMode,
  type ResourceTerms,
  type ResourceVisibility,
} from "~/validation/resource";
import type { ResourceRef } from "./resource-access.server";
import { nodesOfResource, type ResourceNode } from "./resource-nodes.server";

/**
 * Everything the resource page shows besides what other parts add (attachments, inquiries, matches):
 * one query after `resourceAccess`, whatever the number of nodes, alliances or reports.
 */

type Named = { nameZh: string; nameEn: string };
export type ResourceAlliance = Named & { id: string; slug: string };
export type ResourceOrg = Named & { id: string; slug: string; kind: string; verified: boolean };

export type OpenResourceReport = { id: number; reason: string; reporterName: string; createdAt: string };

export type ResourcePage = {
  id: string;
  kind: ResourceKind;
  title: string;
  /** The Markdown source, for matching; the page shows `html`. */
  description: string;
  html: string;
  visibility: ResourceVisibility;
  terms: ResourceTerms;
  modes: ResourceMode[];
  termsNote: string;
  tags: string[];
  expiresOn: string;
  /** Past its expiry day and not yet confirmed: "may be out of date". */
  expired: boolean;
  withdrawnAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  inquiryCount: number;
  org: ResourceOrg;
  contactName: string | null;
  authorName: string | null;
  nodes: ResourceNode[];
  alliances: ResourceAlliance[];
  /** The viewer has reported it already. */
  reported: boolean;
  /** Open reports about it; null unless the viewer moderates it. */
  reports: OpenResourceReport[] | null;
};

const contact = alias(users, "contact");
const author = alias(users, "author");
const id = qualified(resources.id);

const alliancesOf = sql<ResourceAlliance[]>`coalesce((select json_agg(json_build_object('id', ${alliances.id},
    'slug', ${alliances.slug}, 'nameZh', ${alliances.nameZh}, 'nameEn', ${alliances.nameEn})
    order by ${alliances.position}, ${alliances.slug})
  from ${resourceAlliances} join ${alliances} on ${alliances.id} = ${resourceAlliances.allianceId}
  where ${resourceAlliances.resourceId} = ${id}), '[]'::json)`;

const about = sql`${contentReports.subjectType} = 'resource' and ${contentReports.subjectId} = ${id}`;

export async function getResourcePage(
  db: DbOrTx,
  viewer: Viewer,
  resource: ResourceRef,
): Promise<ResourcePage | null> {
  const [row] = await db
    .select({
      id: resources.id,
      kind: resources.kind,
      title: resources.title,
      description: resources.description,
      visibility: resources.visibility,
      terms: resources.terms,
      modes: resources.modes,
      termsNote: resources.termsNote,
      tags: resources.tags,
      expiresOn: resources.expiresOn,
      withdrawnAt: resources.withdrawnAt,
      hiddenAt: resources.hiddenAt,
      hiddenReason: resources.hiddenReason,
      createdAt: resources.createdAt,
      updatedAt: resources.updatedAt,
      inquiryCount: resources.inquiryCount,
      org: sql<ResourceOrg>`json_build_object('id', ${organizations.id}, 'slug', ${organizations.slug},
        'nameZh', ${organizations.nameZh}, 'nameEn', ${organizations.nameEn}, 'kind', ${organizations.kind},
        'verified', ${organizations.verified})`,
      contactName: contact.displayName,
      authorName: author.displayName,
      nodes: nodesOfResource,
      alliances: alliancesOf,
      reported: viewer
        ? sql<boolean>`exists (select 1 from ${contentReports} where ${about}
            and ${contentReports.reporterId} = ${viewer.id})`
        : sql<boolean>`false`,
      reports: resource.moderate
        ? sql<OpenResourceReport[]>`coalesce((select json_agg(json_build_object('id', ${contentReports.id},
            'reason', ${contentReports.reason}, 'reporterName', reporter.display_name,
            'createdAt', ${contentReports.createdAt}) order by ${contentReports.id})
          from ${contentReports} join ${users} reporter on reporter.id = ${contentReports.reporterId}
          where ${about} and ${contentReports.status} = 'open'), '[]'::json)`
        : sql<OpenResourceReport[] | null>`null`,
    })
    .from(resources)
    .innerJoin(organizations, eq(organizations.id, resources.orgId))
    .leftJoin(contact, eq(contact.id, resources.contactUserId))
    .leftJoin(author, eq(author.id, resources.createdById))
    .where(eq(resources.id, resource.id));
  if (!row) return null;
  return { ...row, html: renderMarkdown(row.description), expired: isExpired(row.expiresOn, chinaDay()) };
}

/** What the viewer may do on the page, besides reading it. */
export function resourceActions(viewer: Viewer, resource: ResourceRef) {
  return {
    manage: resource.manage,
    moderate: resource.moderate,
    inquire: resource.inquire,
    report: can(viewer, "resource.report") && !resource.manage,
  };
}

export type ResourceActions = ReturnType<typeof resourceActions>;
