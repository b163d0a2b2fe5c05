import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData } from "@remix-run/react";
import { useState } from "react";
import { Field } from "~/components/form/field";
import { StatusMessage } from "~/components/form/status-message";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useLocale, useT } from "~/i18n/use-t";
import { INVITATION_DAYS, INVITATION_MAX_DAYS } from "~/models/invitation-limits";
import type { action } from "~/routes/alliances.$slug.invitations";
import { invitationSchema } from "~/validation/membership";

/** Invite by email, or make a link to pass on; a new link is shown once, since only its hash is kept. */
export function InvitationForm() {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<typeof action>();
  const pending = useIsPending({ intent: "invite" });
  const [mode, setMode] = useState<"email" | "link">("email");
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    constraint: getZodConstraint(invitationSchema),
    shouldValidate: "onBlur",
    defaultValue: { mode: "email", days: String(INVITATION_DAYS) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
  });
  const created = actionData?.created;
  return (
    <>
      {created && (
        <div className="mt-4">
          <StatusMessage>
            {created.email
              ? t("membership.invitations.sent", { email: created.email })
              : t("membership.invitations.linkCreated")}{" "}
            {t("membership.invitations.until", {
              date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(
                new Date(created.expiresAt),
              ),
            })}
          </StatusMessage>
          <label className="mt-2 block text-sm font-medium text-slate-800">
            {t("membership.invitations.link")}
            <input
              readOnly
              value={created.url}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="invitation-url"
              className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
            />
          </label>
        </div>
      )}
      {actionData?.error && (
        <p role="alert" className="mt-4 text-sm font-medium text-red-700">
          {t(`membership.error.${actionData.error}`)}
        </p>
      )}
      <Form
        method="post"
        {...getFormProps(form)}
        className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <input type="hidden" name="intent" value="invite" />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("membership.invitations.how")}</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {(["email", "link"] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name={fields.mode.name}
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {t(`membership.invitations.mode.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {mode === "email" && (
          <Field
            label={t("auth.field.email")}
            inputProps={getInputProps(fields.email, { type: "email" })}
            meta={fields.email}
          />
        )}
        <Field
          label={t("membership.invitations.days")}
          hint={t("membership.invitations.daysHint", { max: INVITATION_MAX_DAYS })}
          inputProps={{ ...getInputProps(fields.days, { type: "number" }), min: 1, max: INVITATION_MAX_DAYS }}
          meta={fields.days}
          className="max-w-40"
        />
        <SubmitButton pending={pending}>{t(`membership.invitations.submit.${mode}`)}</SubmitButton>
      </Form>
    </>
  );
}
