import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Field } from "~/components/form/field";
import { StatusMessage } from "~/components/form/status-message";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useLocale, useT } from "~/i18n/use-t";
import { formatInZone } from "~/utils/zoned-time";
import { checkInCodeSchema } from "~/validation/event-check-in";

type Props = {
  occurrenceId: string;
  timeZone: string;
  lastResult?: SubmissionResult<string[]>;
  /** Who the last code checked in. */
  done?: string;
  /** Who had already used the code, and when. */
  used?: { displayName: string; checkedInAt: Date };
};

/**
 * The code box at the door: a registrant shows their code, the organizer types it. After a check-in
 * the box empties for the next person and says whom it checked in.
 */
export function CheckInCodeForm({ occurrenceId, timeZone, lastResult, done, used }: Props) {
  const t = useT();
  const locale = useLocale();
  const pending = useIsPending({ intent: "code" });
  const [form, fields] = useForm({
    id: `check-in-${occurrenceId}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkInCodeSchema }),
  });
  return (
    <section aria-labelledby="check-in-code" className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="check-in-code" className="text-base font-semibold text-slate-900">
        {t("eventCheckIn.codeHeading")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="occurrenceId" value={occurrenceId} />
        <Field
          label={t("eventCheckIn.code")}
          hint={t("eventCheckIn.codeHint")}
          inputProps={{
            ...getInputProps(fields.code, { type: "text" }),
            autoComplete: "off",
            autoCapitalize: "characters",
            spellCheck: false,
            maxLength: 20,
          }}
          meta={fields.code}
          className="max-w-xs"
        />
        <SubmitButton pending={pending}>{t("eventCheckIn.codeSubmit")}</SubmitButton>
      </Form>
      {used && (
        <p className="text-sm text-red-700" data-testid="check-in-used">
          {t("eventCheckIn.alreadyUsedBy", {
            name: used.displayName,
            time: formatInZone(used.checkedInAt, { locale, timeZone }),
          })}
        </p>
      )}
      {done && <StatusMessage>{t("eventCheckIn.done", { name: done })}</StatusMessage>}
    </section>
  );
}
