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
import { OrgProfileForm } from "~/components/org/profile-form";
import { BilingualHeading } from "~/components/page-heading";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { getOrgAccess } from "~/models/org-access.server";
import { getOrgEditValues, listNodeChoices, updateOrganization } from "~/models/org-edit.server";
import { invariantResponse } from "~/utils/invariant";
import { canInOrg, orgRole } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { orgProfileSchema } from "~/validation/organization";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "org.edit.title");

/** Signed in, the organization exists, and the viewer may edit it (its admins, platform admins). */
async function requireEditor(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  const access = await getOrgAccess(args.context.services.db, args.params.id ?? "", user.id);
  invariantResponse(access, 404, "org.notFound");
  invariantResponse(canInOrg(orgRole(user, access.representation), "org.edit"), 403, "org.forbidden");
  return { user, access };
}

export async function loader(args: LoaderFunctionArgs) {
  const { access } = await requireEditor(args);
  const { db } = args.context.services;
  const [values, groups] = await Promise.all([getOrgEditValues(db, access.id), listNodeChoices(db)]);
  invariantResponse(values, 404, "org.notFound");
  return { org: { id: access.id, nameZh: access.nameZh, nameEn: access.nameEn }, values, groups };
}

export async function action(args: ActionFunctionArgs) {
  const { user, access } = await requireEditor(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: orgProfileSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const saved = await updateOrganization(args.context.services.db, {
    orgId: access.id,
    actorId: user.id,
    values: submission.value,
  });
  if (saved.status === "unknownNodes") {
    const fieldErrors = Object.fromEntries(saved.fields.map((field) => [field, ["org.error.nodesInvalid"]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`/orgs/${access.id}?done=saved`, { status: 303 });
}

export default function EditOrganization() {
  const { org, values, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm font-medium text-teal-700">{t("org.edit.title")}</p>
      <BilingualHeading nameZh={org.nameZh} nameEn={org.nameEn} />
      <OrgProfileForm orgId={org.id} defaults={values} groups={groups} lastResult={actionData?.result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
