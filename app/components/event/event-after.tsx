import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Link, useFetcher } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { StatusMessage } from "~/components/form/status-message";
import { SubmitButton } from "~/components/form/submit-button";
import { TextareaField } from "~/components/form/textarea-field";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { useLocale, useT } from "~/i18n/use-t";
import type { EventAfter as EventAfterData } from "~/models/event-after.server";
import type { MinutesReply } from "~/routes/events.$id.minutes";
import { formatInZone } from "~/utils/zoned-time";
import { FOLLOW_UPS_MAX, minutesSchema } from "~/validation/event-after";

type Props = { eventId: string; timeZone: string; after: EventAfterData };

/** Organizers' form: minutes (Markdown) and follow-up problems, saved without leaving the page. */
function MinutesForm({
  eventId,
  defaults,
}: {
  eventId: string;
  defaults: { minutes: string; followUps: string };
}) {
  const t = useT();
  const fetcher = useFetcher<MinutesReply>({ key: `minutes-${eventId}` });
  const [form, fields] = useForm({
    id: `minutes-${eventId}`,
    lastResult: fetcher.state === "idle" ? fetcher.data?.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minutesSchema }),
  });
  return (
    <fetcher.Form
      method="post"
      action={`/events/${eventId}/minutes`}
      preventScrollReset
      {...getFormProps(form)}
      className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h3 className="text-base font-semibold text-slate-900">{t("eventAfter.form.heading")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        label={t("eventAfter.form.minutes")}
        hint={t("eventAfter.form.minutesHint")}
        textareaProps={{ ...getTextareaProps(fields.minutes), rows: 10 }}
        meta={fields.minutes}
      />
      <TextareaField
        label={t("eventAfter.form.followUps")}
        hint={t("eventAfter.form.followUpsHint", { max: FOLLOW_UPS_MAX })}
        textareaProps={{ ...getTextareaProps(fields.followUps), rows: 3 }}
        meta={fields.followUps}
      />
      <SubmitButton pending={fetcher.state !== "idle"}>{t("eventAfter.form.submit")}</SubmitButton>
      {fetcher.state === "idle" && fetcher.data?.saved && (
        <StatusMessage>{t("eventAfter.form.saved")}</StatusMessage>
      )}
    </fetcher.Form>
  );
}

/**
 * After the event: its minutes and outcomes, the follow-up problems it produced, and for organizers the
 * attendance per occurrence and the form to post the minutes. Nothing shows before there is anything.
 */
export function EventAfter({ eventId, timeZone, after }: Props) {
  const t = useT();
  const locale = useLocale();
  const at = (iso: string) => formatInZone(new Date(iso), { locale, timeZone });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  if (!after.html && after.followUps.length === 0 && !after.form && after.attendance.length === 0)
    return null;
  return (
    <section aria-labelledby="event-after" className="mt-10" data-testid="event-after">
      <h2 id="event-after" className="text-xl font-semibold text-slate-900">
        {t("eventAfter.heading")}
      </h2>
      {after.html && (
        <div className="mt-3">
          <h3 className="text-base font-semibold text-slate-900">{t("eventAfter.minutes")}</h3>
          {after.minutesUpdatedAt && (
            <p className="text-xs text-slate-500">
              {t("eventAfter.updatedAt", { time: at(after.minutesUpdatedAt) })}
            </p>
          )}
          <MarkdownView html={after.html} className="mt-2" />
        </div>
      )}
      {after.followUps.length > 0 && (
        <div className="mt-6">
          <h3 className="text-base font-semibold text-slate-900">{t("eventAfter.followUps")}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="follow-ups">
            {after.followUps.map((problem) => (
              <li key={problem.id}>
                <Link to={`/problems/${problem.id}`} className="text-teal-700 underline">
                  {problem.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {after.attendance.length > 0 && (
        <div className="mt-6 overflow-x-auto">
          <h3 className="text-base font-semibold text-slate-900">{t("eventAfter.attendance")}</h3>
          <table className="mt-2 w-full text-left text-sm" data-testid="attendance">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3">{t("eventAfter.attendance.occurrence")}</th>
                <th className="py-1 pr-3 text-right">{t("eventAfter.attendance.registered")}</th>
                <th className="py-1 pr-3 text-right">{t("eventAfter.attendance.confirmed")}</th>
                <th className="py-1 pr-3 text-right">{t("eventAfter.attendance.checkedIn")}</th>
                <th className="py-1 pr-3 text-right">{t("eventAfter.attendance.rate")}</th>
                <th className="py-1 text-right">{t("eventAfter.attendance.noShows")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {after.attendance.map((row) => (
                <tr key={row.occurrenceId}>
                  <td className="py-1 pr-3">{at(row.startsAt)}</td>
                  <td className="py-1 pr-3 text-right">{row.registered}</td>
                  <td className="py-1 pr-3 text-right">{row.confirmed}</td>
                  <td className="py-1 pr-3 text-right">{row.checkedIn}</td>
                  <td className="py-1 pr-3 text-right">
                    {row.rate === null ? "—" : percent.format(row.rate)}
                  </td>
                  <td className="py-1 text-right">{row.noShows}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {after.form && <MinutesForm eventId={eventId} defaults={after.form} />}
    </section>
  );
}
