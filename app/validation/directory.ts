import { orgKinds, type OrgKind } from "~/validation/organization";

/**
 * The member directory's search, read from the URL (a GET form, so every search is a link). Anything
 * unknown is dropped rather than refused: a stale or hand-edited link still shows the directory.
 */

export const memberRoles = ["chair", "organizer", "member"] as const;
export type MemberRoleFilter = (typeof memberRoles)[number];

export const MEMBER_PAGE_SIZE = 50;
export const MEMBER_SEARCH_MAX = 100;
/** Far beyond any alliance; bounds the offset a hand-written URL can ask the database for. */
const PAGE_MAX = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MemberDirectoryQuery = {
  q: string;
  role: MemberRoleFilter | null;
  kind: OrgKind | null;
  /** A chain node id: members one of whose organizations supplies or needs it. */
  node: string | null;
  page: number;
};

export function parseMemberDirectoryQuery(params: URLSearchParams): MemberDirectoryQuery {
  const role = params.get("role");
  const kind = params.get("kind");
  const node = params.get("node") ?? "";
  const page = Number.parseInt(params.get("page") ?? "", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, MEMBER_SEARCH_MAX),
    role: memberRoles.includes(role as MemberRoleFilter) ? (role as MemberRoleFilter) : null,
    kind: orgKinds.includes(kind as OrgKind) ? (kind as OrgKind) : null,
    node: UUID.test(node) ? node.toLowerCase() : null,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, PAGE_MAX) : 1,
  };
}

/** The query as URL parameters, leaving out what is unset; `page` 1 is the default. */
export function memberDirectorySearch(query: MemberDirectoryQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.kind) params.set("kind", query.kind);
  if (query.node) params.set("node", query.node);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}
