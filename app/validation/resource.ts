import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { splitTags } from "./problem";

/**
 * The resource forms' schemas: sharing and editing a resource, confirming it is still current,
 * withdrawing, reporting and moderating. Messages are i18n keys. Whether the organization is one the
 * viewer represents, the contact one of its representatives, the nodes exist and the alliances are the
 * viewer's needs the database: the model checks those.
 */

export const resourceKinds = [
  "result",
  "product",
  "service",
  "dataset",
  "document",
  "equipment",
  "lab_time",
] as const;
export const resourceVisibilities = ["public", "alliance"] as const;
export const resourceTerms = ["free", "paid", "negotiable"] as const;
export const resourceModes = [
  "licensing",
  "transfer",
  "joint_development",
  "service_contract",
  "rental",
  "purchase",
] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export type ResourceVisibility = (typeof resourceVisibilities)[number];
export type ResourceTerms = (typeof resourceTerms)[number];
export type ResourceMode = (typeof resourceModes)[number];

export const TITLE_MIN = 5;
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 20_000;
export const TERMS_NOTE_MAX = 500;
export const TAGS_MAX = 8;
export const TAG_MAX = 20;
/** More nodes than a resource can plausibly serve; the cap bounds the work one request asks for. */
export const NODES_MAX = 20;
export const ALLIANCES_MAX = 20;
/** How far ahead a listing may run before its owner is asked again. */
export const EXPIRY_MAX_YEARS = 3;
/** Confirming a listing is still current keeps it for one of these many months from today. */
export const confirmPeriods = ["3", "6", "12"] as const;
export const REASON_MAX = 500;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China Standard Time, where the alliances are, as YYYY-MM-DD: the day expiry dates count in. */
export function chinaDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** A day plus whole months; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, mo, d] = day.split("-").map(Number);
  const target = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Whether YYYY-MM-DD names a real day (not 2025-02-30). */
export function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** Past its expiry day a listing may be out of date, until its owner confirms or withdraws it. */
export function isExpired(expiresOn: string, today: string = chinaDay()): boolean {
  return expiresOn < today;
}

const asArray = (message: MessageKey) => z.array(z.string(), { invalid_type_error: m(message) });

/**
 * The sharing form's schema, shared by editing. `keptExpiry` is the expiry day a resource already has:
 * an edit may leave it as it is after it has passed, but never move it to another past day. Build it per
 * request: "today" moves on while the server runs.
 */
export const resourceSchema = (keptExpiry: string | null = null, today: string = chinaDay()) =>
  z
    .object({
      kind: z.enum(resourceKinds, { errorMap: () => ({ message: m("resource.error.kindInvalid") }) }),
      title: z
        .string(required("resource.error.titleRequired"))
        .trim()
        .min(TITLE_MIN, m("resource.error.titleTooShort"))
        .max(TITLE_MAX, m("resource.error.titleTooLong")),
      description: z
        .string(required("resource.error.descriptionRequired"))
        .trim()
        .min(1, m("resource.error.descriptionRequired"))
        .max(DESCRIPTION_MAX, m("resource.error.descriptionTooLong")),
      orgId: z.string(required("resource.error.orgRequired")).regex(UUID, m("resource.error.orgInvalid")),
      nodeIds: asArray("resource.error.nodesInvalid")
        .min(1, m("resource.error.nodesRequired"))
        .max(NODES_MAX, m("resource.error.nodesTooMany"))
        .refine((ids) => ids.every((id) => UUID.test(id)), m("resource.error.nodesInvalid"))
        .default([]),
      tags: z
        .string()
        .max(TAGS_MAX * (TAG_MAX + 2), m("resource.error.tagsTooMany"))
        .optional()
        .transform((text) => splitTags(text ?? ""))
        .refine((tags) => tags.length <= TAGS_MAX, m("resource.error.tagsTooMany"))
        .refine((tags) => tags.every((tag) => tag.length <= TAG_MAX), m("resource.error.tagTooLong")),
      visibility: z.enum(resourceVisibilities, {
        errorMap: () => ({ message: m("resource.error.visibilityInvalid") }),
      }),
      allianceIds: asArray("resource.error.alliancesInvalid")
        .max(ALLIANCES_MAX, m("resource.error.alliancesTooMany"))
        .refine((ids) => ids.every((id) => UUID.test(id)), m("resource.error.alliancesInvalid"))
        .default([]),
      terms: z.enum(resourceTerms, { errorMap: () => ({ message: m("resource.error.termsInvalid") }) }),
      modes: z
        .array(z.enum(resourceModes, { errorMap: () => ({ message: m("resource.error.modesInvalid") }) }), {
          invalid_type_error: m("resource.error.modesInvalid"),
        })
        .default([]),
      termsNote: z.string().trim().max(TERMS_NOTE_MAX, m("resource.error.termsNoteTooLong")).default(""),
      contactUserId: z
        .string(required("resource.error.contactRequired"))
        .trim()
        .min(1, m("resource.error.contactRequired"))
        .max(100, m("resource.error.contactInvalid")),
      expiresOn: z
        .string(required("resource.error.expiryRequired"))
        .refine(isDay, m("resource.error.expiryInvalid"))
        .refine((day) => day === keptExpiry || day > today, m("resource.error.expiryPast"))
        .refine(
          (day) => day === keptExpiry || day <= addMonths(today, EXPIRY_MAX_YEARS * 12),
          m("resource.error.expiryTooFar"),
        ),
    })
    .superRefine((value, ctx) => {
      if (value.visibility === "alliance" && value.allianceIds.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["allianceIds"],
          message: m("resource.error.alliancesRequired"),
        });
      }
    })
    .transform((value) => ({
      ...value,
      nodeIds: [...new Set(value.nodeIds)],
      allianceIds: [...new Set(value.allianceIds)],
      modes: [...new Set(value.modes)],
    }));

export type ResourceInput = z.infer<ReturnType<typeof resourceSchema>>;

/** The owner's buttons on the page: confirm it is still current (for how long), withdraw, list again. */
export const resourceManageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    months: z.enum(confirmPeriods, { errorMap: () => ({ message: m("resource.error.periodInvalid") }) }),
  }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("relist") }),
]);
export type ResourceManageInput = z.infer<typeof resourceManageSchema>;

const reason = z
  .string(required("resource.error.reasonRequired"))
  .trim()
  .min(1, m("resource.error.reasonRequired"))
  .max(REASON_MAX, m("resource.error.reasonTooLong"));

export const resourceReportSchema = z.object({ reason });

/** Hiding and restoring need a reason, told to the owner and kept in the log; dismissing closes one report. */
export const resourceModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("hide"), reason }),
  z.object({ intent: z.literal("restore"), reason }),
  z.object({
    intent: z.literal("dismiss"),
    reportId: z.coerce
      .number({ invalid_type_error: m("resource.error.reportUnknown") })
      .int()
      .positive(m("resource.error.reportUnknown")),
  }),
]);
export type ResourceModerationInput = z.infer<typeof resourceModerationSchema>;
