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
import { ProblemForm } from "~/components/problem/problem-form";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listNodeChoices } from "~/models/org-edit.server";
import { createProblem, listPostableAlliances } from "~/models/problems.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { problemCreateSchema } from "~/validation/problem";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "problem.new.title");

async function requirePoster(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  invariantResponse(can(user, "problem.create"), 403, "problem.forbidden");
  return user;
}

async function formChoices(args: LoaderFunctionArgs | ActionFunctionArgs, userId: string) {
  const { db } = args.context.services;
  const [alliances, groups] = await Promise.all([listPostableAlliances(db, userId), listNodeChoices(db)]);
  return { alliances, groups };
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requirePoster(args);
  return formChoices(args, user.id);
}

export async function action(args: ActionFunctionArgs) {
  const user = await requirePoster(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: problemCreateSchema });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const created = await createProblem(args.context.services, user.id, submission.value);
  if (created.status === "invalid") {
    return data({ result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 });
  }
  return redirect(`/problems/${created.id}`, { status: 303 });
}

export default function NewProblem() {
  const { alliances, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("problem.new.title")}</h1>
      <p className="mt-2 text-slate-600">{t("problem.new.lead")}</p>
      <ProblemForm alliances={alliances} groups={groups} lastResult={actionData?.result} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
