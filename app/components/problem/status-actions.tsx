import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { useT } from "~/i18n/use-t";
import { availableChanges } from "~/models/problem-status";
import type { StatusReply } from "~/routes/problems.$id.status";
import type { ProblemStatus } from "~/validation/problem";

const labels = {
  solve: "problemWork.manage.solve",
  close: "problemWork.manage.close",
  reopen: "problemWork.manage.reopen",
} as const;

/**
 * The poster's (and moderators') status buttons, with one note for whichever is pressed: closing needs
 * it (the server says so), accepting a solution and reopening may leave it empty.
 */
export function StatusActions({ problemId, status }: { problemId: string; status: ProblemStatus }) {
  // A change that went through lands on a new status: the form starts afresh, the last refusal gone.
  return <StatusForm key={status} problemId={problemId} status={status} />;
}

function StatusForm({ problemId, status }: { problemId: string; status: ProblemStatus }) {
  const t = useT();
  const fetcher = useFetcher<StatusReply>();
  const [form, fields] = useForm({ id: "problem-status", lastResult: fetcher.data?.result });
  const changes = availableChanges(status);
  if (changes.length === 0) return null;
  return (
    <details className="mt-3 rounded-lg border border-slate-200 bg-white p-3" open={!form.valid || undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">
        {t("problemWork.manage.title")}
      </summary>
      <fetcher.Form
        method="post"
        action={`/problems/${problemId}/status`}
        preventScrollReset
        {...getFormProps(form)}
        className="mt-3 space-y-3"
      >
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          label={t(changes.includes("close") ? "problemWork.manage.note" : "problemWork.manage.noteOptional")}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
          meta={fields.note}
        />
        <div className="flex flex-wrap gap-2">
          {changes.map((change) => (
            <SubmitButton
              key={change}
              name="intent"
              value={change}
              variant={change === "close" ? "danger" : change === "solve" ? "primary" : "secondary"}
              pending={fetcher.state !== "idle" && fetcher.formData?.get("intent") === change}
            >
              {t(labels[change])}
            </SubmitButton>
          ))}
        </div>
      </fetcher.Form>
    </details>
  );
}
