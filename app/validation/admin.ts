import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The operators' forms (/admin/users, /admin/organizations, /admin/alliances) and the audit log's
 * filters. Messages are i18n keys.
 */

export const SUSPENSION_REASON_MAX = 500;
export const ADMIN_SEARCH_MAX = 100;

const m = (key: MessageKey) => key;

const userId = z
  .string({ required_error: m("adminTools.users.error.userRequired") })
  .min(1)
  .max(100);

/** Suspending needs a reason (it is logged and shown to the other operators); reinstating may say why. */
export const suspensionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("suspend"),
    userId,
    reason: z
      .string({ required_error: m("adminTools.users.error.reasonRequired") })
      .trim()
      .min(1, m("adminTools.users.error.reasonRequired"))
      .max(SUSPENSION_REASON_MAX, m("adminTools.users.error.reasonTooLong")),
  }),
  z.object({
    intent: z.literal("reinstate"),
    userId,
    reason: z
      .string()
      .trim()
      .max(SUSPENSION_REASON_MAX, m("adminTools.users.error.reasonTooLong"))
      .default(""),
  }),
]);

export const verificationSchema = z.object({
  intent: z.enum(["verify", "unverify"]),
  orgId: z.string().uuid(),
});

/** Appointing a chair from the members, or a chair stepping down to member (the last-chair rule applies). */
export const chairSchema = z.object({
  intent: z.enum(["appoint", "stepDown"]),
  allianceId: z.string().uuid(),
  userId: z.string().min(1).max(100),
  reason: z.string().trim().max(SUSPENSION_REASON_MAX, m("membership.error.reasonTooLong")).default(""),
});

export const userStatuses = ["all", "active", "suspended"] as const;
export type UserStatus = (typeof userStatuses)[number];
export const verifiedFilters = ["all", "no", "yes"] as const;
export type VerifiedFilter = (typeof verifiedFilters)[number];

/** A list page's query: unknown values fall back to the default, since a stale link should still open. */
export function parseListQuery<S extends string>(
  params: URLSearchParams,
  name: string,
  choices: readonly S[],
): { q: string; filter: S; after: string | null } {
  const value = params.get(name);
  return {
    q: (params.get("q") ?? "").trim().slice(0, ADMIN_SEARCH_MAX),
    filter: choices.includes(value as S) ? (value as S) : choices[0],
    after: params.get("after") || null,
  };
}

/**
 * The actions the audit log knows, grouped by their first segment; the filter offers each group (a
 * prefix: every action under it) and each action. Actions recorded later fall under their group.
 */
export const auditActionGroups = {
  user: ["user.suspended", "user.reinstated"],
  membership: [
    "membership.requested",
    "membership.cancelled",
    "membership.joined",
    "membership.approved",
    "membership.rejected",
    "membership.left",
    "membership.removed",
    "membership.role_changed",
    "membership.invited",
    "membership.invitation_accepted",
  ],
  alliance: ["alliance.created", "alliance.edited", "alliance.archived", "alliance.restored"],
  org: [
    "org.created",
    "org.updated",
    "org.verified",
    "org.unverified",
    "org.representative_joined",
    "org.representative.role",
    "org.representative.removed",
    "org.representative.left",
    "org.invitation.created",
    "org.invitation.revoked",
  ],
  channel: [
    "channel.created",
    "channel.updated",
    "channel.archived",
    "channel.unarchived",
    "channel.member_invited",
    "channel.member_removed",
    "channel.message_hidden",
    "channel.message_restored",
    "channel.message.deleted",
    "channel.report_dismissed",
  ],
  problem: ["problem.hidden", "problem.restored", "problem.reply.hidden", "problem.reply.restored"],
  resource: ["resource.hidden", "resource.restored", "resource.report_dismissed"],
  report: ["report.dismissed"],
} as const;

export type AuditActionGroup = keyof typeof auditActionGroups;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists (no 31 February). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

const text = z.string().trim().max(ADMIN_SEARCH_MAX, m("adminTools.audit.error.textTooLong")).optional();
const day = z.string().refine(isDay, m("adminTools.audit.error.date")).optional();

/**
 * The audit log's filters from the URL: who (actor name or email), what (an action or a dotted prefix),
 * where (an alliance slug, an organization name), when (days in Asia/Shanghai, `to` inclusive) and the
 * keyset cursor `before`. Empty parameters are unset.
 */
export const auditFilterSchema = z
  .object({
    who: text,
    action: z
      .string()
      .max(ADMIN_SEARCH_MAX, m("adminTools.audit.error.textTooLong"))
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, m("adminTools.audit.error.action"))
      .optional(),
    alliance: z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/, m("adminTools.audit.error.alliance"))
      .optional(),
    org: text,
    from: day,
    to: day,
    before: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, m("adminTools.audit.error.before"))
      .refine((value) => Number.isSafeInteger(Number(value)), m("adminTools.audit.error.before"))
      .transform(Number)
      .optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: m("adminTools.audit.error.range"),
  });

export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
export const auditFilterFields = ["who", "action", "alliance", "org", "from", "to"] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];

export type AuditFilterParse =
  | { ok: true; value: AuditFilterInput; raw: Record<AuditFilterField, string> }
  | { ok: false; errors: Record<string, MessageKey[]>; raw: Record<AuditFilterField, string> };

/** Reads the filters; `raw` is what was typed, so the form shows it back whether or not it was valid. */
export function parseAuditFilters(params: URLSearchParams): AuditFilterParse {
  const raw = Object.fromEntries(
    auditFilterFields.map((field) => [field, params.get(field) ?? ""]),
  ) as Record<AuditFilterField, string>;
  const input: Record<string, string> = {};
  for (const [field, value] of Object.entries({ ...raw, before: params.get("before") ?? "" })) {
    if (value.trim() !== "") input[field] = value;
  }
  const parsed = auditFilterSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data, raw };
  const errors: Record<string, MessageKey[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    (errors[field] ??= []).push(issue.message as MessageKey);
  }
  return { ok: false, errors, raw };
}
