import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ResourceForm } from "~/components/resource/resource-form";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listAllianceChoices, listOrgChoices } from "~/models/resource-choices.server";
import { createResource } from "~/models/resources.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { addMonths, chinaDay, resourceSchema } from "~/validation/resource";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "resource.new.title");

async function requireSharer(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  invariantResponse(can(user, "resource.create"), 403, "resource.forbidden");
  return user;
}

/**
 * Sharing a resource for an organization the viewer represents. Someone who represents none sees why
 * and where to go, rather than an error: the right is theirs, the organization is missing.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireSharer(args);
  const { db } = args.context.services;
  const [orgs, alliances, groups] = await Promise.all([
    listOrgChoices(db, user.id),
    listAllianceChoices(db, user.id),
    listNodeChoices(db),
  ]);
  const today = chinaDay();
  const firstOrg = orgs[0];
  return {
    orgs,
    alliances,
    groups,
    today,
    defaults: {
      kind: "service",
      visibility: "public",
      terms: "negotiable",
      orgId: firstOrg?.id,
      contactUserId: firstOrg?.contacts.some((c) => c.id === user.id) ? user.id : firstOrg?.contacts[0]?.id,
      expiresOn: addMonths(today, 12),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireSharer(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: resourceSchema() });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const saved = await createResource(args.context.services, user.id, submission.value);
  if (saved.status === "invalid") {
    return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 });
  }
  return redirect(`/resources/${saved.id}`, { status: 303 });
}

export default function NewResource() {
  const { orgs, alliances, groups, today, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("resource.new.title")}</h1>
      <p className="mt-2 text-slate-600">{t("resource.new.lead")}</p>
      {orgs.length === 0 ? (
        <div role="status" className="mt-8 rounded-xl border border-slate-200 bg-white p-6">
          <p className="text-slate-700">{t("resource.new.noOrg")}</p>
          <Link
            to="/orgs/new"
            className="mt-4 inline-block rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            {t("resource.new.createOrg")}
          </Link>
        </div>
      ) : (
        <ResourceForm
          orgs={orgs}
          alliances={alliances}
          groups={groups}
          today={today}
          lastResult={actionData?.result}
          defaultValue={defaults}
          submitLabel={t("resource.new.submit")}
          cancelTo="/resources"
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
