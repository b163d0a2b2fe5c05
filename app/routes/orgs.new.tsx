import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgProfileForm } from "~/components/org/profile-form";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { createOrganization } from "~/models/org-create.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { orgCreateSchema } from "~/validation/organization";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "org.create.title");

/** Visitors log in first; the policy table decides who else may register one. */
async function requireRegistrant(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  invariantResponse(can(user, "org.create"), 403, "org.forbidden");
  return user;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireRegistrant(args);
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireRegistrant(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: orgCreateSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const created = await createOrganization(args.context.services.db, {
    actorId: user.id,
    values: submission.value,
  });
  if (created.status === "nameTaken") {
    const fieldErrors = Object.fromEntries(created.fields.map((field) => [field, ["org.error.nameTaken"]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`/orgs/${created.id}`, { status: 303 });
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("org.create.title")}</h1>
      <p className="mt-2 text-slate-600">{t("org.create.lead")}</p>
      <OrgProfileForm defaults={{ kind: "enterprise" }} lastResult={actionData?.result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
