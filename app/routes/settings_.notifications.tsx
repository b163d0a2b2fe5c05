import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { NotificationPreferencesForm } from "~/components/account/notification-preferences-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusMessage } from "~/components/form/status-message";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { getNotificationSettings, saveNotificationSettings } from "~/models/notification-settings.server";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { notificationPreferencesSchema } from "~/validation/notification-preferences";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notificationPrefs.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const settings = await getNotificationSettings(args.context.services.db, user.id);
  invariantResponse(settings, 404, "error.title.404");
  return settings;
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: notificationPreferencesSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await saveNotificationSettings(args.context.services.db, user.id, submission.value);
  return redirect("/settings/notifications?done=1", { status: 303 });
}

export default function NotificationSettings() {
  const { values, alliances } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const t = useT();
  const saved = searchParams.get("done") === "1";
  return (
    <div className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10 sm:px-6">
      <header>
        <Link to="/settings" className="text-sm text-teal-700 underline hover:text-teal-900">
          {t("notificationPrefs.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">
          {t("notificationPrefs.title")}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("notificationPrefs.lead")}</p>
      </header>
      {saved && <StatusMessage>{t("notificationPrefs.saved")}</StatusMessage>}
      <NotificationPreferencesForm
        // A saved form comes back with ?done=1: remount it so it shows what was stored.
        key={saved ? location.key : "initial"}
        defaults={values}
        alliances={alliances}
        lastResult={actionData?.result}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
