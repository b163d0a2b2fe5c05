import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { AuthCard } from "~/components/account/auth-card";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { logOut } from "~/models/account-sessions.server";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.logout.title");

/** A GET never logs out (a prefetch or an image tag could trigger it); it only asks. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  if (!user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { sessionId } = await getOptionalUser({ request, context });
  const headers = sessionId ? { "Set-Cookie": await logOut(context.services, sessionId) } : undefined;
  return redirect("/", { status: 303, headers });
}

export default function Logout() {
  const t = useT();
  const pending = useIsPending();
  return (
    <AuthCard title={t("auth.logout.title")} lead={t("auth.logout.confirm")}>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>{t("auth.logout.submit")}</SubmitButton>
        <Link
          to="/"
          className="rounded-md px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          {t("auth.logout.cancel")}
        </Link>
      </Form>
    </AuthCard>
  );
}
