import { and, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import {
  alliances,
  chains,
  organizations,
  resourceAlliances,
  resourceNodes,
  resources,
} from "../../db/schema/index";
import { markdownText } from "~/markdown/plain-text.server";
import { highlight, type HighlightSegment } from "~/search/highlight.server";
import { matches, parseSearchQuery, rank, type SearchQuery } from "~/search/tsquery.server";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import type { OrgKind } from "~/validation/organization";
import type { ResourceKind, ResourceMode, ResourceTerms } from "~/validation/resource";
import type { CatalogueQuery, CatalogueSort } from "~/validation/resource-catalogue";
import { cappedCount, type CappedCount } from "./capped-count.server";
import { bestSnippet } from "./problem-search.server";
import { listableResource } from "./resource-list.server";
import { nodesOfResource, type ResourceNode } from "./resource-nodes.server";

export const CATALOGUE_PAGE_SIZE = 20;
const SNIPPET_LENGTH = 140;

type Named = { nameZh: string; nameEn: string };

export type CatalogueResource = {
  id: string;
  kind: ResourceKind;
  title: string;
  titleHits: HighlightSegment[];
  /** The part of the description with the most hits; its start when nothing was searched. */
  snippet: HighlightSegment[];
  visibility: "public" | "alliance";
  terms: ResourceTerms;
  modes: ResourceMode[];
  tags: string[];
  org: Named & { id: string; kind: OrgKind };
  nodes: ResourceNode[];
  createdAt: Date;
  expiresOn: string;
  /** Past its expiry date and not yet confirmed by its owner: listed, marked as possibly out of date. */
  expired: boolean;
  /** Only for viewers the policy lets count inquiries (`resource.inquiries.count`); never their contents. */
  inquiryCount?: number;
};

export type Catalogue = { resources: CatalogueResource[]; nextCursor: string | null } & CappedCount;

const resourceId = qualified(resources.id);

/** The calendar day in the platform's home zone, where expiry dates are meant. */
const expiredNow = sql<boolean>`${resources.expiresOn} < (now() at time zone 'Asia/Shanghai')::date`;

const rowColumns = {
  id: resources.id,
  kind: resources.kind,
  title: resources.title,
  description: resources.description,
  visibility: resources.visibility,
  terms: resources.terms,
  modes: resources.modes,
  tags: resources.tags,
  orgId: organizations.id,
  orgNameZh: organizations.nameZh,
  orgNameEn: organizations.nameEn,
  orgKind: organizations.kind,
  nodes: nodesOfResource,
  createdAt: resources.createdAt,
  expiresOn: resources.expiresOn,
  expired: expiredNow,
  inquiryCount: resources.inquiryCount,
};

/**
 * The catalogue's filters over what the viewer may list; `allianceId` fixes the alliance (its tab).
 * `search` is the parsed `query.q`: text that leaves nothing to search for matches nothing.
 */
export function catalogueFilters(
  viewer: Viewer,
  query: CatalogueQuery,
  search: SearchQuery | null,
  allianceId?: string,
): SQL | undefined {
  const sharedWith = (alliance: SQL) =>
    sql`exists (select 1 from ${resourceAlliances} where ${resourceAlliances.resourceId} = ${resourceId}
      and ${resourceAlliances.allianceId} = ${alliance})`;
  return and(
    listableResource(viewer),
    allianceId ? sharedWith(sql`${allianceId}::uuid`) : undefined,
    !allianceId && query.alliance
      ? sharedWith(
          sql`(select ${alliances.id} from ${alliances} where ${alliances.slug} = ${query.alliance})`,
        )
      : undefined,
    query.kind ? eq(resources.kind, query.kind) : undefined,
    query.terms ? eq(resources.terms, query.terms) : undefined,
    query.chain
      ? // "= any" rather than a GIN lookup: checked on each row of the ordered walk, it stops at a page.
        sql`(select ${chains.id} from ${chains} where ${chains.slug} = ${query.chain}) = any(${qualified(resources.chainIds)})`
      : undefined,
    query.node
      ? sql`exists (select 1 from ${resourceNodes} where ${resourceNodes.resourceId} = ${resourceId}
          and ${resourceNodes.nodeId} = ${query.node})`
      : undefined,
    query.orgKind
      ? sql`exists (select 1 from ${organizations} where ${organizations.id} = ${qualified(resources.orgId)}
          and ${organizations.kind} = ${query.orgKind})`
      : undefined,
    query.q ? matches(resources.search, search) : undefined,
  );
}

/** Timestamps travel in cursors to the microsecond, as PostgreSQL stores them, so ties stay apart. */
const micros = sql`to_char(${resources.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ts_rank's real as PostgreSQL prints it (shortest exact form), which reads back as the same value. */
const REAL = /^\d{1,12}(\.\d{1,12})?(e[-+]?\d{1,2})?$/;

/** A timestamp PostgreSQL will accept: the pattern alone would let "2026-02-30" through to a cast error. */
function validTimestamp(text: string | undefined): text is string {
  const match = text ? TIMESTAMP.exec(text) : null;
  if (!match || Number(match[1]) < 1970) return false;
  const date = new Date(`${text!.slice(0, 19)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === text!.slice(0, 19);
}

type SortPlan = { order: SQL[]; cursor: SQL<string>; after: (parts: string[]) => SQL | undefined };

/**
 * Per sort: its order (ending in the primary key, so it is total), the cursor text of a row built by
 * PostgreSQL from the stored values, and "after this cursor" — undefined for a garbage cursor or one from
 * another sort, which means the first page. Relevance pages by keyset too: the rank is recomputed
 * identically for the same words, so the cursor's rank, time and id place the next page exactly.
 */
function sortPlan(sort: CatalogueSort, search: SearchQuery | null): SortPlan {
  const createdAndId = (at: string | undefined, id: string | undefined) =>
    validTimestamp(at) && id !== undefined && UUID.test(id);
  if (sort === "relevance" && search) {
    const score = rank(resources.search, search);
    return {
      order: [desc(score), desc(resources.createdAt), desc(resources.id)],
      cursor: sql<string>`concat(${score}::text, '~', ${micros}, '~', ${resources.id})`,
      after: ([value, at, id]) =>
        value !== undefined && REAL.test(value) && createdAndId(at, id)
          ? sql`(${score}, ${resources.createdAt}, ${resources.id}) < (${value}::real, ${at}::timestamptz, ${id}::uuid)`
          : undefined,
    };
  }
  return {
    order: [desc(resources.createdAt), desc(resources.id)],
    cursor: sql<string>`concat(${micros}, '~', ${resources.id})`,
    after: ([at, id]) =>
      createdAndId(at, id)
        ? sql`(${resources.createdAt}, ${resources.id}) < (${at}::timestamptz, ${id}::uuid)`
        : undefined,
  };
}

export type CatalogueOptions = {
  /** An alliance's tab: only what is shared with it. */
  allianceId?: string;
  /** Organizers' view of the tab: how many inquiries each resource received. */
  inquiryCounts?: boolean;
  /** Fewer rows, e.g. the resources section of the global search. */
  pageSize?: number;
};

/**
 * One page of the catalogue and how many match (up to COUNT_CAP): two queries however many resources
 * there are. With search words it is most relevant first unless asked for newest; hits are marked in
 * titles and snippets. The cursor names its sort and carries the last row's sort key and id, so paging
 * never skips or repeats a row, ties included.
 */
export async function listResources(
  db: DbOrTx,
  viewer: Viewer,
  query: CatalogueQuery,
  options: CatalogueOptions = {},
): Promise<Catalogue> {
  const search = query.q ? parseSearchQuery(query.q) : null;
  const size = options.pageSize ?? CATALOGUE_PAGE_SIZE;
  const sort: CatalogueSort = search ? query.sort : "newest";
  const plan = sortPlan(sort, search);
  const filters = catalogueFilters(viewer, query, search, options.allianceId);
  const parts = query.cursor?.split("~");
  const after = parts && parts[0] === sort ? plan.after(parts.slice(1)) : undefined;

  const [rows, counted] = await Promise.all([
    db
      .select({ ...rowColumns, cursor: plan.cursor })
      .from(resources)
      .innerJoin(organizations, eq(organizations.id, resources.orgId))
      .where(and(filters, after))
      .orderBy(...plan.order)
      .limit(size + 1),
    cappedCount(db, resources, filters),
  ]);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    resources: page.map((row) => toListed(row, search, options.inquiryCounts === true)),
    ...counted,
    nextCursor: rows.length > size && last ? `${sort}~${last.cursor}` : null,
  };
}

type Row = {
  id: string;
  kind: ResourceKind;
  title: string;
  description: string;
  visibility: "public" | "alliance";
  terms: ResourceTerms;
  modes: ResourceMode[];
  tags: string[];
  orgId: string;
  orgNameZh: string;
  orgNameEn: string;
  orgKind: OrgKind;
  nodes: ResourceNode[];
  createdAt: Date;
  expiresOn: string;
  expired: boolean;
  inquiryCount: number;
};

function toListed(row: Row, search: SearchQuery | null, withInquiries: boolean): CatalogueResource {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    titleHits: highlight(row.title, search),
    snippet: bestSnippet(markdownText(row.description), search, SNIPPET_LENGTH),
    visibility: row.visibility,
    terms: row.terms,
    modes: row.modes,
    tags: row.tags,
    org: { id: row.orgId, nameZh: row.orgNameZh, nameEn: row.orgNameEn, kind: row.orgKind },
    nodes: row.nodes,
    createdAt: row.createdAt,
    expiresOn: row.expiresOn,
    expired: row.expired,
    ...(withInquiries && { inquiryCount: row.inquiryCount }),
  };
}

/** How many of the shown kinds a node page lists before linking to the catalogue for the rest. */
export const NODE_LIST_SIZE = 5;
export const NODE_KINDS = ["result", "service"] as const;

export type NodeResources = Record<
  (typeof NODE_KINDS)[number],
  { resources: CatalogueResource[]; total: number }
>;

/**
 * A chain node's shared results and service offers the viewer may list: the newest few of each kind and
 * how many there are, in one query (a window per kind) however many the node holds.
 */
export async function listNodeResources(db: DbOrTx, viewer: Viewer, nodeId: string): Promise<NodeResources> {
  const ranked = db
    .select({
      rankedId: sql<string>`${resources.id}`.as("ranked_id"),
      place:
        sql<number>`row_number() over (partition by ${resources.kind} order by ${resources.createdAt} desc, ${resources.id} desc)`.as(
          "place",
        ),
      total: sql<number>`count(*) over (partition by ${resources.kind})`.as("total"),
    })
    .from(resources)
    .where(
      and(
        listableResource(viewer),
        inArray(resources.kind, [...NODE_KINDS]),
        sql`exists (select 1 from ${resourceNodes} where ${resourceNodes.resourceId} = ${resourceId}
          and ${resourceNodes.nodeId} = ${nodeId})`,
      ),
    )
    .as("ranked");
  const rows = await db
    .select({ ...rowColumns, total: ranked.total })
    .from(ranked)
    .innerJoin(resources, eq(resources.id, ranked.rankedId))
    .innerJoin(organizations, eq(organizations.id, resources.orgId))
    .where(lte(ranked.place, NODE_LIST_SIZE))
    .orderBy(desc(resources.createdAt), desc(resources.id));
  const result: NodeResources = { result: { resources: [], total: 0 }, service: { resources: [], total: 0 } };
  for (const { total, ...row } of rows) {
    const kind = row.kind as (typeof NODE_KINDS)[number];
    result[kind].total = Number(total);
    result[kind].resources.push(toListed(row, null, false));
  }
  return result;
}
