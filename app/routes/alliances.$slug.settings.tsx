import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AllianceForm } from "~/components/alliance/alliance-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusMessage } from "~/components/form/status-message";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import type { MessageKey } from "~/i18n/dictionary";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import {
  getAllianceSettings,
  listChainChoices,
  setAllianceArchived,
  updateAlliance,
} from "~/models/alliance-admin.server";
import { loadAlliance, requireAllianceRight } from "~/utils/alliance-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { canInAlliance } from "~/utils/permissions.server";
import { allianceSettingsSchema, archiveSchema } from "~/validation/alliance";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const t = metaTranslator(matches);
  if (!loaded) return [{ title: `${t("allianceAdmin.settings.title")} · ${t("common.appName")}` }];
  const name = pick(metaLocale(matches), loaded.alliance.nameZh, loaded.alliance.nameEn);
  return [{ title: `${t("allianceAdmin.settings.title")} · ${name} · ${t("common.appName")}` }];
};

/** What each successful submission says once the page has reloaded (?done=…). */
const confirmations: Record<string, MessageKey> = {
  created: "allianceAdmin.settings.created",
  saved: "allianceAdmin.settings.saved",
  archived: "allianceAdmin.settings.archivedDone",
  restored: "allianceAdmin.settings.restoredDone",
};

export async function loader(args: LoaderFunctionArgs) {
  const { alliance, role } = await loadAlliance(args, "alliance.edit");
  const { db } = args.context.services;
  const [values, chains] = await Promise.all([getAllianceSettings(db, alliance.id), listChainChoices(db)]);
  invariantResponse(values, 404, "alliance.notFound");
  return {
    alliance: { slug: alliance.slug, nameZh: alliance.nameZh, nameEn: alliance.nameEn },
    archived: alliance.archivedAt !== null,
    canArchive: canInAlliance(role, "alliance.archive"),
    values,
    chains,
  };
}

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const settingsUrl = (slug: string, done: string) => `/alliances/${slug}/settings?done=${done}`;

  if (intent === "archive" || intent === "restore") {
    const { alliance, user } = await requireAllianceRight(args, "alliance.archive");
    const submission = parseWithZod(formData, { schema: archiveSchema });
    if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
    const archived = submission.value.intent === "archive";
    await setAllianceArchived(args.context.services.db, { alliance, actorId: user.id, archived });
    return redirect(settingsUrl(alliance.slug, archived ? "archived" : "restored"), { status: 303 });
  }

  const { alliance, user } = await requireAllianceRight(args, "alliance.edit");
  const submission = parseWithZod(formData, { schema: allianceSettingsSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await updateAlliance(args.context.services, {
    alliance,
    actorId: user.id,
    values: submission.value,
  });
  if (!outcome.ok)
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  return redirect(settingsUrl(alliance.slug, "saved"), { status: 303 });
}

export default function AllianceSettings() {
  const { alliance, archived, canArchive, values, chains } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const done = searchParams.get("done");
  const confirmation = done && Object.hasOwn(confirmations, done) ? confirmations[done] : null;
  const archiving = useIsPending({ intent: archived ? "restore" : "archive" });

  return (
    <div className="space-y-10">
      <section aria-labelledby="alliance-settings-title" className="space-y-6">
        <h2 id="alliance-settings-title" className="text-xl font-semibold text-slate-900">
          {t("allianceAdmin.settings.title")}
        </h2>
        {confirmation && <StatusMessage>{t(confirmation)}</StatusMessage>}
        <AllianceForm
          mode="edit"
          defaults={values}
          chains={chains}
          lastResult={actionData?.result}
          cancelTo={`/alliances/${alliance.slug}`}
        />
      </section>
      {canArchive && (
        <section
          aria-labelledby="alliance-archive-title"
          className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 px-5 py-4"
        >
          <h2 id="alliance-archive-title" className="text-lg font-semibold text-slate-900">
            {t("allianceAdmin.settings.archiveTitle")}
          </h2>
          <p className="text-sm text-slate-700">
            {archived ? t("allianceAdmin.settings.archived") : t("allianceAdmin.settings.archiveLead")}
          </p>
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value={archived ? "restore" : "archive"} />
            <SubmitButton variant={archived ? "primary" : "danger"} pending={archiving}>
              {t(archived ? "allianceAdmin.settings.restore" : "allianceAdmin.settings.archive")}
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
