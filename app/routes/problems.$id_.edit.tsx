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
import { editProblem, getProblemDraft, listEditableAlliances } from "~/models/problem-edit.server";
import { invariantResponse } from "~/utils/invariant";
import { requireProblem } from "~/utils/problem-guard.server";
import { problemSchema } from "~/validation/problem";

/**
 * Editing a problem with the posting form: its poster, or a moderator. A deadline that has passed may
 * stay as it was (the day it names is unchanged), but a new deadline must still lie ahead.
 */

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "problemCare.edit.title");

async function requireEditor(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { user, problem } = await requireProblem(args, "problem.manage", {
    manage: true,
    forbidden: "problemCare.edit.forbidden",
    back: (id) => `/problems/${id}/edit`,
  });
  const draft = await getProblemDraft(args.context.services.db, problem.id);
  invariantResponse(draft, 404, "problem.notFound");
  return { user, problem, draft };
}

export async function loader(args: LoaderFunctionArgs) {
  const { problem, draft } = await requireEditor(args);
  const { db } = args.context.services;
  const [alliances, groups] = await Promise.all([listEditableAlliances(db, problem), listNodeChoices(db)]);
  return {
    id: problem.id,
    alliances,
    groups,
    keptDeadline: draft.deadlineDay,
    defaults: {
      title: draft.title,
      body: draft.body,
      allianceId: draft.allianceId ?? undefined,
      visibility: draft.visibility,
      urgency: draft.urgency,
      tags: draft.tags.join(", "),
      reward: draft.reward ?? undefined,
      deadline: draft.deadlineDay ?? undefined,
      nodeIds: draft.nodeIds,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, problem, draft } = await requireEditor(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: problemSchema(draft.deadlineDay) });
  if (submission.status !== "success") {
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  const edited = await editProblem(args.context.services, problem, user.id, submission.value);
  if (edited.status === "invalid") {
    return data({ result: submission.reply({ fieldErrors: edited.fieldErrors }) }, { status: 400 });
  }
  return redirect(`/problems/${problem.id}`, { status: 303 });
}

export default function EditProblem() {
  const { id, alliances, groups, keptDeadline, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("problemCare.edit.title")}</h1>
      <p className="mt-2 text-slate-600">{t("problemCare.edit.lead")}</p>
      <ProblemForm
        id="problem-edit"
        alliances={alliances}
        groups={groups}
        lastResult={actionData?.result}
        defaultValue={defaults}
        keptDeadline={keptDeadline}
        submitLabel={t("problemCare.edit.submit")}
        cancelTo={`/problems/${id}`}
        problemId={id}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
