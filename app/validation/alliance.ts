import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";

/**
 * The platform admins' alliance forms (create and settings), run by the actions and, with
 * JavaScript, in the browser. Messages are i18n keys; conform turns an empty field into `undefined`.
 */

export const joinPolicies = ["open", "request", "invite"] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

export const ALLIANCE_NAME_MAX = 100;
export const ALLIANCE_DESCRIPTION_MAX = 4000;
const SLUG_MAX = 60;
const EMAIL_MAX = 254;
/** More chains than the plan has cannot be meant; the cap bounds the work one request asks for. */
const CHAINS_MAX = 50;

/** Lowercase words joined by single hyphens: safe in a URL and easy to read aloud. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Paths under /alliances that are pages of their own, so no alliance may take them. */
export const reservedSlugs: readonly string[] = ["new"];

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });

const name = (requiredKey: MessageKey) =>
  z
    .string(required(requiredKey))
    .trim()
    .min(1, m(requiredKey))
    .max(ALLIANCE_NAME_MAX, m("allianceAdmin.error.nameTooLong"));

const description = z
  .string()
  .trim()
  .max(ALLIANCE_DESCRIPTION_MAX, m("allianceAdmin.error.descriptionTooLong"))
  .optional();

const allianceFields = {
  nameZh: name("allianceAdmin.error.nameZhRequired"),
  nameEn: name("allianceAdmin.error.nameEnRequired"),
  descriptionZh: description,
  descriptionEn: description,
  joinPolicy: z.enum(joinPolicies, {
    errorMap: () => ({ message: m("allianceAdmin.error.joinPolicyInvalid") }),
  }),
  /** Chain slugs, as the checkboxes send them; whether each names a chain is the model's question. */
  chains: z
    .array(z.string(), { invalid_type_error: m("allianceAdmin.error.chainsInvalid") })
    .max(CHAINS_MAX, m("allianceAdmin.error.chainsInvalid"))
    .refine((slugs) => slugs.every((slug) => SLUG.test(slug)), m("allianceAdmin.error.chainsInvalid"))
    .default([]),
};

export const allianceSettingsSchema = z.object(allianceFields);

export const allianceCreateSchema = z.object({
  slug: z
    .string(required("allianceAdmin.error.slugRequired"))
    .trim()
    .min(2, m("allianceAdmin.error.slugInvalid"))
    .max(SLUG_MAX, m("allianceAdmin.error.slugInvalid"))
    .regex(SLUG, m("allianceAdmin.error.slugInvalid"))
    .refine((slug) => !reservedSlugs.includes(slug), m("allianceAdmin.error.slugReserved")),
  ...allianceFields,
  chairEmail: z
    .string(required("allianceAdmin.error.chairEmailRequired"))
    .trim()
    .max(EMAIL_MAX, m("allianceAdmin.error.chairEmailInvalid"))
    .email(m("allianceAdmin.error.chairEmailInvalid")),
});

/** The settings page's other buttons. */
export const archiveSchema = z.object({ intent: z.enum(["archive", "restore"]) });

export type AllianceSettingsInput = z.infer<typeof allianceSettingsSchema>;
export type AllianceCreateInput = z.infer<typeof allianceCreateSchema>;
