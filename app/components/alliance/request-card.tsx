import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Link, useActionData, useFetcher } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { controlClass } from "~/components/form/styles";
import { SubmitButton } from "~/components/form/submit-button";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { PendingRequest } from "~/models/membership-requests.server";
import type { action } from "~/routes/alliances.$slug.requests";
import { decisionSchema, REASON_MAX } from "~/validation/membership";

/** One applicant, what they wrote, and the organizer's two answers; a rejection asks for the reason. */
export function RequestCard({ request }: { request: PendingRequest }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<typeof action>({ key: `request-${request.userId}` });
  // Without JavaScript the decision arrives as the page's action data: it belongs here if it names this applicant.
  const pageResult = useActionData<typeof action>();
  const result =
    fetcher.data ?? (pageResult?.result.initialValue?.userId === request.userId ? pageResult : undefined);
  const [form, fields] = useForm({
    id: `decide-${request.userId}`,
    lastResult: result?.result,
    constraint: getZodConstraint(decisionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  const busy = fetcher.state !== "idle";
  const reasonProps = getInputProps(fields.reason, { type: "text" });
  const requested = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(new Date(request.requestedAt));
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" aria-label={request.displayName}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-slate-900">{request.displayName}</p>
        <p className="text-xs text-slate-500">{t("membership.requests.at", { time: requested })}</p>
      </div>
      <p className="text-sm text-slate-600">{request.email}</p>
      {request.organizations.length > 0 && (
        <p className="mt-1 text-sm text-slate-700">
          {request.organizations.map((org, i) => (
            <span key={org.id}>
              {i > 0 && " · "}
              <Link to={`/orgs/${org.id}`} className="underline hover:text-teal-800">
                {pick(locale, org.nameZh, org.nameEn)}
              </Link>
            </span>
          ))}
        </p>
      )}
      {request.message && (
        <blockquote className="mt-2 border-l-2 border-slate-200 pl-3 text-sm whitespace-pre-line text-slate-700">
          {request.message}
        </blockquote>
      )}
      <fetcher.Form method="post" {...getFormProps(form)} className="mt-3 flex flex-wrap items-start gap-3">
        <input type="hidden" name="userId" value={request.userId} />
        <SubmitButton name="intent" value="approve" pending={busy}>
          {t("membership.requests.approve")}
        </SubmitButton>
        {/* A <details> keeps rejecting possible without JavaScript; an error reopens it. */}
        <details className="group min-w-64 flex-1" open={Boolean(fields.reason.errors) || undefined}>
          <summary className="inline-flex cursor-pointer rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
            {t("membership.requests.reject")}
          </summary>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div className="min-w-56 flex-1">
              <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
                {t("membership.requests.reason")}
              </label>
              <input
                {...reasonProps}
                key={reasonProps.key}
                maxLength={REASON_MAX}
                className={`${controlClass} mt-1`}
              />
              <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <SubmitButton name="intent" value="reject" variant="danger" pending={busy}>
              {t("membership.requests.rejectConfirm")}
            </SubmitButton>
          </div>
        </details>
      </fetcher.Form>
      {result?.error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {t(`membership.error.${result.error}`)}
        </p>
      )}
    </li>
  );
}
