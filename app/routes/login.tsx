import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
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
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { localeCookie } from "~/i18n/cookie.server";
import { pageTitle } from "~/i18n/meta";
import { passRetryAfter, waitUntil } from "~/utils/retry-after";
import type { TranslateParams } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { logIn } from "~/models/account-sessions.server";
import { attemptLogin } from "~/models/credentials.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { getOptionalUser } from "~/utils/session.server";
import { loginSchema } from "~/validation/auth";

type ActionData = { result: SubmissionResult<string[]>; params?: TranslateParams };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.login.title");

export const headers = passRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  if (user) throw redirect("/");
  // An unsafe redirectTo is dropped here rather than carried through the form.
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "") || null;
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db, config } = context.services;
  const submission = parseWithZod(await request.formData().catch(() => new FormData()), {
    schema: loginSchema,
  });
  if (submission.status !== "success") {
    return data<ActionData>({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  const attempt = await attemptLogin(db, { email, password, ip: context.clientIp });
  if (attempt.status === "blocked") {
    const { seconds, minutes } = waitUntil(attempt.until);
    return data<ActionData>(
      {
        result: submission.reply({ formErrors: ["auth.error.throttled"], hideFields: ["password"] }),
        params: { minutes },
      },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  if (attempt.status === "invalid") {
    return data<ActionData>(
      {
        result: submission.reply({ formErrors: ["auth.error.invalidCredentials"], hideFields: ["password"] }),
      },
      { status: 400 },
    );
  }
  if (attempt.status === "suspended") {
    return data<ActionData>(
      {
        result: submission.reply({
          formErrors: ["adminTools.suspension.loginRefused"],
          hideFields: ["password"],
        }),
      },
      { status: 403 },
    );
  }
  const user = attempt.value;

  const { sessionId: previous } = await getOptionalUser({ request, context });
  const headers = new Headers();
  headers.append("Set-Cookie", await logIn(context.services, user.id, previous));
  // Pages follow the account's language from now on, on this device too.
  headers.append("Set-Cookie", localeCookie(user.locale, { secure: config.secureCookies }));
  return redirect(safeRedirectPath(redirectTo), { status: 303, headers });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  const signupHref = redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup";

  return (
    <AuthCard
      title={t("auth.login.heading")}
      footer={
        <>
          {t("auth.login.noAccount")}{" "}
          <Link to={signupHref} className="font-semibold text-teal-700 underline-offset-2 hover:underline">
            {t("auth.login.toSignup")}
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
          inputProps={{
            ...getInputProps(fields.password, { type: "password" }),
            autoComplete: "current-password",
          }}
          meta={fields.password}
        />
        <SubmitButton pending={pending} className="w-full">
          {t("auth.login.submit")}
        </SubmitButton>
      </Form>
    </AuthCard>
  );
}
