import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { acceptInvitation, describeInvitation } from "~/models/invitation-acceptance.server";
import { membershipErrors } from "~/models/membership-errors";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitation.title");

/** The page never names the invited address in full: a forwarded link should not leak it. */
function maskEmail(email: string): string {
  const [name, domain] = email.split("@");
  return `${name.slice(0, 1)}***@${domain}`;
}

export async function loader(args: LoaderFunctionArgs) {
  const { db } = args.context.services;
  const [{ user }, view] = await Promise.all([
    getOptionalUser(args),
    describeInvitation(db, args.params.token ?? ""),
  ]);
  invariantResponse(view, 404, "invitation.notFound");
  const { target, state, invitation } = view;
  const body = {
    state,
    signedIn: user !== null,
    forEmail: invitation.email ? maskEmail(invitation.email) : null,
    wrongAccount: Boolean(user && invitation.email && invitation.email !== user.email.toLowerCase()),
    expiresAt: invitation.expiresAt.toISOString(),
    target:
      target.kind === "alliance"
        ? { kind: target.kind, nameZh: target.alliance.nameZh, nameEn: target.alliance.nameEn }
        : { kind: target.kind, nameZh: target.org.nameZh, nameEn: target.org.nameEn },
  };
  // A dead link is gone, not missing: 410 tells the browser and crawlers so.
  return data(body, { status: state === "valid" ? 200 : 410 });
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { services } = args.context;
  const view = await describeInvitation(services.db, args.params.token ?? "");
  invariantResponse(view, 404, "invitation.notFound");
  const outcome = await acceptInvitation(services, view, user);
  if (!outcome.ok) return data({ error: outcome.error }, { status: membershipErrors[outcome.error] });
  return redirect(outcome.href, 303);
}

export default function InvitationPage() {
  const { state, signedIn, forEmail, wrongAccount, expiresAt, target } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const pending = useIsPending();
  const name = pick(locale, target.nameZh, target.nameEn);
  const back = new URLSearchParams({ redirectTo: location.pathname });
  const expires = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(
    new Date(expiresAt),
  );
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t("invitation.title")}</h1>
      <p className="mt-4 text-slate-700">
        {t(target.kind === "alliance" ? "invitation.toAlliance" : "invitation.toOrganization", { name })}
      </p>
      {state !== "valid" ? (
        <p
          role="alert"
          className="mt-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t(`membership.error.invitation_${state}`)}
        </p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("invitation.expires", { date: expires })}</p>
          {forEmail && (
            <p className="mt-1 text-sm text-slate-600">{t("invitation.forEmail", { email: forEmail })}</p>
          )}
          {actionData?.error && (
            <p role="alert" className="mt-6 text-sm font-medium text-red-700">
              {t(`membership.error.${actionData.error}`)}
            </p>
          )}
          {!signedIn ? (
            <div className="mt-8 flex flex-wrap gap-3">
              <Link
                to={`/signup?${back}`}
                className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
              >
                {t("invitation.signUp")}
              </Link>
              <Link
                to={`/login?${back}`}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
              >
                {t("invitation.logIn")}
              </Link>
            </div>
          ) : wrongAccount ? (
            <p role="alert" className="mt-6 text-sm font-medium text-red-700">
              {t("membership.error.invitation_wrong_email")}
            </p>
          ) : (
            <Form method="post" className="mt-8">
              <SubmitButton pending={pending}>{t("invitation.accept")}</SubmitButton>
            </Form>
          )}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
