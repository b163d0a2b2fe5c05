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
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ResourceForm } from "~/components/resource/resource-form";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { listAllianceChoices, listOrgChoices } from "~/models/resource-choices.server";
import { editResource, getResourceDraft } from "~/models/resources.server";
import { invariantResponse } from "~/utils/invariant";
import { requireResource } from "~/utils/resource-guard.server";
import { chinaDay, resourceSchema } from "~/validation/resource";

/**
 * Editing a resource with the sharing form: the providing organization's representatives. An expiry
 * day that has passed may stay as it is, but a new one must lie ahead.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "resource.edit.title");

async function requireEditor(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { user, resource } = await requireResource(args, {
    need: "manage",
    forbidden: "resource.edit.forbidden",
    back: (id) => `/resources/${id}/edit`,
  });
  const draft = await getResourceDraft(args.context.services.db, resource.id);
  invariantResponse(draft, 404, "resource.notFound");
  return { user, resource, draft };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, resource, draft } = await requireEditor(args);
  const { db } = args.context.services;
  const [orgs, alliances, groups] = await Promise.all([
    listOrgChoices(db, user.id, draft.orgId),
    listAllianceChoices(db, user.id, draft.allianceIds),
    listNodeChoices(db),
  ]);
  return {
    id: resource.id,
    orgs,
    alliances,
    groups,
    today: chinaDay(),
    keptExpiry: draft.expiresOn,
    defaults: {
      ...draft,
      contactUserId: draft.contactUserId ?? undefined,
      tags: draft.tags.join(", "),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, resource, draft } = await requireEditor(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: resourceSchema(draft.expiresOn) });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const saved = await editResource(args.context.services, resource, user.id, submission.value);
  if (saved.status === "invalid") {
    return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 });
  }
  return redirect(`/resources/${resource.id}`, { status: 303 });
}

export default function EditResource() {
  const { id, orgs, alliances, groups, today, keptExpiry, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("resource.edit.title")}</h1>
      <p className="mt-2 text-slate-600">{t("resource.edit.lead")}</p>
      <ResourceForm
        id="resource-edit"
        orgs={orgs}
        alliances={alliances}
        groups={groups}
        today={today}
        lastResult={actionData?.result}
        defaultValue={defaults}
        keptExpiry={keptExpiry}
        submitLabel={t("resource.edit.submit")}
        cancelTo={`/resources/${id}`}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
