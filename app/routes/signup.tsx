import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthCard } from "~/components/account/auth-card";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { localeCookie } from "~/i18n/cookie.server";
import type { MessageKey } from "~/i18n/dictionary";
import { detectLocale } from "~/i18n/detect";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import type { TranslateParams } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-t";
import { logIn } from "~/models/account-sessions.server";
import { listOrganizationChoices } from "~/models/organizations.server";
import { admitSignup } from "~/models/signup-throttle.server";
import { signUp, type SignUpResult } from "~/models/users.server";
import { passRetryAfter, waitUntil } from "~/utils/retry-after";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { getOptionalUser } from "~/utils/session.server";
import { signupSchema } from "~/validation/auth";

/** Which field each refusal of the model belongs to, and what it says there. */
const refusals: Record<Extract<SignUpResult, { ok: false }>["error"], [field: string, message: MessageKey]> =
  {
    "email-taken": ["email", "auth.error.emailTaken"],
    "organization-unknown": ["organizationId", "auth.error.organizationUnknown"],
    "organization-exists": ["organizationName", "auth.error.organizationExists"],
  };

type ActionData = { result: SubmissionResult<string[]>; params?: TranslateParams };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signup.title");

export const headers = passRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  if (user) throw redirect("/");
  // An unsafe redirectTo is dropped here rather than carried through the form.
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "") || null;
  return {
    organizations: await listOrganizationChoices(context.services.db),
    redirectTo,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData().catch(() => new FormData()), {
    schema: signupSchema,
  });
  if (submission.status !== "success") {
    return data<ActionData>({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { db } = context.services;
  // Every attempt counts, refused ones too, so "email taken" cannot be probed without limit.
  const until = await admitSignup(db, context.clientIp);
  if (until) {
    const { seconds, minutes } = waitUntil(until);
    return data<ActionData>(
      {
        result: submission.reply({ formErrors: ["auth.error.signupThrottled"], hideFields: ["password"] }),
        params: { minutes },
      },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  const { email, password, displayName, organizationId, organizationName, redirectTo } = submission.value;
  // The account starts in the language the visitor is reading.
  const locale = detectLocale(request.headers);
  const outcome = await signUp(context.services, {
    email,
    password,
    displayName,
    locale,
    organization: organizationId
      ? { id: organizationId }
      : organizationName
        ? { name: organizationName }
        : undefined,
  });
  if (!outcome.ok) {
    const [field, message] = refusals[outcome.error];
    return data<ActionData>(
      { result: submission.reply({ fieldErrors: { [field]: [message] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  }

  const { sessionId: previous } = await getOptionalUser({ request, context });
  const headers = new Headers();
  headers.append("Set-Cookie", await logIn(context.services, outcome.user.id, previous));
  headers.append("Set-Cookie", localeCookie(locale, { secure: context.services.config.secureCookies }));
  return redirect(safeRedirectPath(redirectTo), { status: 303, headers });
}

export default function Signup() {
  const { organizations, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    constraint: getZodConstraint(signupSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const options = organizations
    .map((org) => ({ value: org.id, label: pick(locale, org.nameZh, org.nameEn) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const loginHref = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";

  return (
    <AuthCard
      title={t("auth.signup.heading")}
      lead={t("auth.signup.lead")}
      footer={
        <>
          {t("auth.signup.haveAccount")}{" "}
          <Link to={loginHref} className="font-semibold text-teal-700 underline-offset-2 hover:underline">
            {t("auth.signup.toLogin")}
          </Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} params={actionData?.params} />
        {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
        <Field
          label={t("auth.field.email")}
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }}
          meta={fields.email}
        />
        <Field
          label={t("auth.field.password")}
          hint={t("auth.field.passwordHint")}
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "new-password",
          }}
          meta={fields.password}
        />
        <Field
          label={t("auth.field.displayName")}
          hint={t("auth.field.displayNameHint")}
          inputProps={{ ...getInputProps(fields.displayName, { type: "text" }), autoComplete: "name" }}
          meta={fields.displayName}
        />
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("auth.field.organization")}</legend>
          <SelectField
            label={t("auth.field.organizationPick")}
            selectProps={getSelectProps(fields.organizationId)}
            options={options}
            emptyOption={t("auth.field.organizationNone")}
            meta={fields.organizationId}
          />
          <Field
            label={t("auth.field.organizationName")}
            hint={t("auth.field.organizationNameHint")}
            inputProps={{
              ...getInputProps(fields.organizationName, { type: "text" }),
              autoComplete: "organization",
            }}
            meta={fields.organizationName}
          />
        </fieldset>
        <SubmitButton pending={pending} className="w-full">
          {t("auth.signup.submit")}
        </SubmitButton>
      </Form>
    </AuthCard>
  );
}
