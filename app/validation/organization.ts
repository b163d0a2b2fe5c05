import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { INVITATION_DAYS, INVITATION_MAX_DAYS } from "~/models/invitation-limits";

/**
 * The organization forms' schemas, run by the actions and, with JavaScript, in the browser. Messages
 * are i18n keys. Conform turns an empty field into `undefined`, so optional text fields are optional.
 */

export const orgKinds = ["enterprise", "university", "institute", "association", "agency"] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgRoles = ["admin", "representative"] as const;

export const ORG_NAME_MAX = 100;
export const CITY_MAX = 50;
export const WEBSITE_MAX = 300;
export const DESCRIPTION_MAX = 4000;
/** More positions than the chains have nodes cannot be meant; the cap bounds the work one request asks for. */
export const POSITIONS_MAX = 300;
export const INVITE_DAYS_MAX = INVITATION_MAX_DAYS;
const EMAIL_MAX = 254;
export const SEARCH_MAX = 100;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only web addresses may become links on a profile: no `javascript:` or `data:` URLs. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

const name = (requiredKey: MessageKey, tooLongKey: MessageKey) =>
  z.string(required(requiredKey)).trim().min(1, m(requiredKey)).max(ORG_NAME_MAX, m(tooLongKey));

const description = z.string().trim().max(DESCRIPTION_MAX, m("org.error.descriptionTooLong")).optional();

/** Chain node ids; errors name the whole list, since the form shows one group of boxes per kind. */
const nodeIds = z
  .array(z.string(), { invalid_type_error: m("org.error.nodesInvalid") })
  .max(POSITIONS_MAX, m("org.error.nodesInvalid"))
  .refine((ids) => ids.every((id) => UUID.test(id)), m("org.error.nodesInvalid"))
  .default([]);

export const orgProfileSchema = z.object({
  nameZh: name("org.error.nameZhRequired", "org.error.nameZhTooLong"),
  nameEn: name("org.error.nameEnRequired", "org.error.nameEnTooLong"),
  kind: z.enum(orgKinds, { errorMap: () => ({ message: m("org.error.kindInvalid") }) }),
  website: z
    .string()
    .trim()
    .max(WEBSITE_MAX, m("org.error.websiteTooLong"))
    .refine(isWebUrl, m("org.error.websiteInvalid"))
    .optional(),
  city: z.string().trim().max(CITY_MAX, m("org.error.cityTooLong")).optional(),
  descriptionZh: description,
  descriptionEn: description,
  supplies: nodeIds,
  needs: nodeIds,
});

/** Registering an organization asks for its profile only; positions are set on the edit form afterwards. */
export const orgCreateSchema = orgProfileSchema.omit({ supplies: true, needs: true });

const days = z.coerce
  .number({ invalid_type_error: m("org.error.daysInvalid") })
  .int(m("org.error.daysInvalid"))
  .min(1, m("org.error.daysInvalid"))
  .max(INVITE_DAYS_MAX, m("org.error.daysInvalid"))
  .default(INVITATION_DAYS);

export const inviteEmailSchema = z.object({
  email: z
    .string(required("org.error.emailRequired"))
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, m("org.error.emailInvalid"))
    .email(m("org.error.emailInvalid")),
  days,
});

export const inviteLinkSchema = z.object({ days });

/** The buttons of the representatives page: each names a person or an invitation by id. */
export const changeRoleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(orgRoles),
});
export const removeRepresentativeSchema = z.object({ userId: z.string().min(1).max(100) });
export const revokeInvitationSchema = z.object({ invitationId: z.string().regex(UUID) });

/**
 * The directory's query string. Filters arrive in links people bookmark and share, so a value that
 * is not understood means "no filter" rather than an error page.
 */
export type DirectoryQuery = { q: string; kind: OrgKind | null; verified: boolean | null };

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const kind = params.get("kind");
  const verified = params.get("verified");
  return {
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_MAX),
    kind: orgKinds.includes(kind as OrgKind) ? (kind as OrgKind) : null,
    verified: verified === "yes" ? true : verified === "no" ? false : null,
  };
}

export type OrgProfileInput = z.infer<typeof orgProfileSchema>;
export type OrgCreateInput = z.infer<typeof orgCreateSchema>;
