import { z } from "zod";
import type { MessageKey } from "~/i18n/dictionary";
import { locales } from "~/i18n/locales";

/**
 * The account forms' schemas, run by the action and, with JavaScript, in the browser. Messages are
 * i18n keys that the form translates, so one schema serves both languages. Conform turns an empty
 * field into `undefined`, which is why "required" is the type's own error.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 50;
export const EMAIL_MAX = 254;
export const ORGANIZATION_NAME_MIN = 2;
export const ORGANIZATION_NAME_MAX = 100;

const m = (key: MessageKey) => key;
const required = (key: MessageKey) => ({ required_error: m(key), invalid_type_error: m(key) });

const email = z
  .string(required("auth.error.emailRequired"))
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, m("auth.error.emailTooLong"))
  .email(m("auth.error.emailInvalid"));

const newPassword = z
  .string(required("auth.error.passwordRequired"))
  .min(PASSWORD_MIN, m("auth.error.passwordTooShort"))
  .max(PASSWORD_MAX, m("auth.error.passwordTooLong"));

/** Any stored password is at most PASSWORD_MAX long; the cap also bounds the work argon2 is asked to do. */
const existingPassword = z
  .string(required("auth.error.passwordRequired"))
  .max(PASSWORD_MAX, m("auth.error.passwordTooLong"));

const displayName = z
  .string(required("auth.error.displayNameRequired"))
  .trim()
  .min(1, m("auth.error.displayNameRequired"))
  .max(DISPLAY_NAME_MAX, m("auth.error.displayNameTooLong"));

/** Where to go afterwards; the action still checks that it stays on this site. */
const redirectTo = z.string().optional();

export const signupSchema = z
  .object({
    email,
    password: newPassword,
    displayName,
    organizationId: z.string().uuid(m("auth.error.organizationInvalid")).optional(),
    organizationName: z
      .string()
      .trim()
      .min(ORGANIZATION_NAME_MIN, m("auth.error.organizationNameTooShort"))
      .max(ORGANIZATION_NAME_MAX, m("auth.error.organizationNameTooLong"))
      .optional(),
    redirectTo,
  })
  .superRefine((value, ctx) => {
    if (value.organizationId && value.organizationName) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["organizationName"],
        message: m("auth.error.organizationBoth"),
      });
    }
  });

export const loginSchema = z.object({ email, password: existingPassword, redirectTo });

export const profileSchema = z.object({
  displayName,
  locale: z.enum(locales, { errorMap: () => ({ message: m("auth.error.localeInvalid") }) }),
});

/** Checkboxes: conform reads a ticked box as true; an unticked one is not sent at all. */
const checkbox = z.boolean({ invalid_type_error: m("auth.error.checkboxInvalid") }).default(false);

export const privacySchema = z.object({ hideEmail: checkbox, listedInDirectory: checkbox });

export const passwordChangeSchema = z
  .object({
    currentPassword: existingPassword,
    newPassword,
    confirmPassword: z.string(required("auth.error.passwordRequired")),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["confirmPassword"],
        message: m("auth.error.confirmMismatch"),
      });
    }
  });

export type SignupInput = z.infer<typeof signupSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
export type PrivacyInput = z.infer<typeof privacySchema>;
