import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { useFetcher } from "@remix-run/react";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton } from "~/components/form/submit-button";
import { formatDay } from "~/components/org/format";
import { useLocale, useT } from "~/i18n/use-t";
import type { ProblemMilestone } from "~/models/problem-work.server";
import type { MilestonesReply } from "~/routes/problems.$id.milestones";
import { MILESTONE_TITLE_MAX, milestoneSchema } from "~/validation/problem-work";

type Props = {
  problemId: string;
  milestones: ProblemMilestone[];
  /** The poster or a moderator, while the problem is in progress. */
  editable: boolean;
};

/** The plan of the accepted solution: steps with due days, ticked off as they are done. */
export function Milestones({ problemId, milestones, editable }: Props) {
  const t = useT();
  const locale = useLocale();
  const done = milestones.filter((milestone) => milestone.doneAt).length;
  return (
    <section aria-labelledby="milestones" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="milestones" className="text-lg font-semibold text-slate-900">
        {t("problemWork.milestones.title")}
      </h2>
      {milestones.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("problemWork.milestones.empty")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700" data-testid="milestone-progress">
            {t("problemWork.milestones.progress", { done, total: milestones.length })}
          </p>
          <ol className="mt-3 space-y-2">
            {milestones.map((milestone) => (
              <li
                key={milestone.id}
                data-done={milestone.doneAt ? "true" : "false"}
                className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2"
              >
                <div>
                  <span aria-hidden="true" className="mr-2">
                    {milestone.doneAt ? "✓" : "○"}
                  </span>
                  <span className={milestone.doneAt ? "text-slate-500 line-through" : "text-slate-900"}>
                    {milestone.title}
                  </span>
                  <span className="sr-only">
                    {" "}
                    ({t(milestone.doneAt ? "problemWork.milestones.done" : "problemWork.milestones.open")})
                  </span>
                  {milestone.dueOn && (
                    <span className="ml-2 text-xs text-slate-500">
                      {t("problemWork.milestones.due", {
                        date: formatDay(locale, new Date(`${milestone.dueOn}T12:00:00+08:00`)),
                      })}
                    </span>
                  )}
                </div>
                {editable && <MilestoneControls problemId={problemId} milestone={milestone} />}
              </li>
            ))}
          </ol>
        </>
      )}
      {/* Keyed on the count, so an added milestone clears the form (and its last refusal). */}
      {editable && <MilestoneForm key={milestones.length} problemId={problemId} />}
    </section>
  );
}

function MilestoneControls({ problemId, milestone }: { problemId: string; milestone: ProblemMilestone }) {
  const t = useT();
  const fetcher = useFetcher<MilestonesReply>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={`/problems/${problemId}/milestones`}
      preventScrollReset
      className="flex gap-2"
    >
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <SubmitButton
        name="intent"
        value={milestone.doneAt ? "undone" : "done"}
        variant="secondary"
        pending={busy}
        className="px-2 py-1"
      >
        {t(milestone.doneAt ? "problemWork.milestones.markUndone" : "problemWork.milestones.markDone")}
      </SubmitButton>
      <SubmitButton name="intent" value="delete" variant="secondary" pending={busy} className="px-2 py-1">
        {t("problemWork.milestones.delete")}
      </SubmitButton>
    </fetcher.Form>
  );
}

function MilestoneForm({ problemId }: { problemId: string }) {
  const t = useT();
  const fetcher = useFetcher<MilestonesReply>();
  const [form, fields] = useForm({
    id: "milestone-add",
    lastResult: fetcher.data?.result,
    constraint: getZodConstraint(milestoneSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: milestoneSchema }),
  });
  const titleProps = getInputProps(fields.title, { type: "text" });
  return (
    <fetcher.Form
      method="post"
      action={`/problems/${problemId}/milestones`}
      preventScrollReset
      {...getFormProps(form)}
      className="mt-4 flex flex-wrap items-end gap-3"
    >
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="add" />
      <Field
        label={t("problemWork.milestones.fieldTitle")}
        inputProps={{ ...titleProps, maxLength: MILESTONE_TITLE_MAX }}
        meta={fields.title}
        className="min-w-56 flex-1"
      />
      <Field
        label={t("problemWork.milestones.fieldDue")}
        inputProps={getInputProps(fields.dueOn, { type: "date" })}
        meta={fields.dueOn}
      />
      <SubmitButton pending={fetcher.state !== "idle"}>{t("problemWork.milestones.add")}</SubmitButton>
    </fetcher.Form>
  );
}
