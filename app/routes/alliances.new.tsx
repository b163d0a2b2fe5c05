import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AllianceForm } from "~/components/alliance/alliance-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { createAlliance, listChainChoices } from "~/models/alliance-admin.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { allianceCreateSchema } from "~/validation/alliance";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "allianceAdmin.new.title");

/** Visitors log in first; signed-in users without `alliance.create` (everyone but platform admins) get 403. */
async function requireCreator(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  invariantResponse(can(user, "alliance.create"), 403, "allianceAdmin.forbidden");
  return user;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireCreator(args);
  return { chains: await listChainChoices(args.context.services.db) };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireCreator(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: allianceCreateSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const outcome = await createAlliance(args.context.services, { actorId: user.id, values: submission.value });
  if (!outcome.ok)
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 });
  return redirect(`/alliances/${outcome.slug}/settings?done=created`, { status: 303 });
}

export default function NewAlliance() {
  const { chains } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("allianceAdmin.new.title")}</h1>
      <p className="mb-8 mt-2 text-slate-600">{t("allianceAdmin.new.lead")}</p>
      <AllianceForm
        mode="create"
        defaults={{ joinPolicy: "request" }}
        chains={chains}
        lastResult={actionData?.result}
        cancelTo="/alliances"
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
