import { orgKinds, type OrgKind } from "./organization";
import { resourceKinds, resourceTerms, type ResourceKind, type ResourceTerms } from "./resource";

/**
 * The catalogue's query string (/resources and each alliance's tab). Filters arrive in links people
 * share, so a value that is not understood means "no filter" rather than an error page.
 */

/** "relevance" needs search words; without them the catalogue is newest first whatever was asked. */
export const catalogueSorts = ["relevance", "newest"] as const;

export type CatalogueSort = (typeof catalogueSorts)[number];

export const CATALOGUE_SEARCH_MAX = 200;

export type CatalogueQuery = {
  q: string;
  kind: ResourceKind | null;
  chain: string | null;
  node: string | null;
  orgKind: OrgKind | null;
  alliance: string | null;
  terms: ResourceTerms | null;
  sort: CatalogueSort;
  cursor: string | null;
};

const SLUG = /^[a-z0-9-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(list: readonly T[], value: string): T | null {
  return (list as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const q = text("q").slice(0, CATALOGUE_SEARCH_MAX);
  const sort = oneOf(catalogueSorts, text("sort"));
  return {
    q,
    kind: oneOf(resourceKinds, text("kind")),
    chain: SLUG.test(text("chain")) ? text("chain") : null,
    node: UUID.test(text("node")) ? text("node").toLowerCase() : null,
    orgKind: oneOf(orgKinds, text("orgKind")),
    alliance: SLUG.test(text("alliance")) ? text("alliance") : null,
    terms: oneOf(resourceTerms, text("terms")),
    sort: q ? (sort ?? "relevance") : "newest",
    cursor: text("cursor") || null,
  };
}

/** Some filter narrows the list: an alliance's own tab does not count its fixed alliance. */
export function catalogueFiltered(query: CatalogueQuery, allianceFixed = false): boolean {
  return Boolean(
    query.q ||
    query.kind ||
    query.chain ||
    query.node ||
    query.orgKind ||
    query.terms ||
    (!allianceFixed && query.alliance),
  );
}

/** The query as a link's search string, without defaults, so shared links stay short. */
export function catalogueSearch(query: CatalogueQuery, changes: Partial<CatalogueQuery> = {}): string {
  const next = { ...query, cursor: null, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const name of ["kind", "chain", "node", "orgKind", "alliance", "terms"] as const) {
    const value = next[name];
    if (value) params.set(name, value);
  }
  if (next.q && next.sort !== "relevance") params.set("sort", next.sort);
  if (next.cursor) params.set("cursor", next.cursor);
  const search = params.toString();
  return search ? `?${search}` : "";
}
