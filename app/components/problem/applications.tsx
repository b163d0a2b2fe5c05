import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { FormErrors } from "~/components/form/form-errors";
import { controlClass } from "~/components/form/styles";
import { SubmitButton } from "~/components/form/submit-button";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { formatDay, formatMoment } from "~/components/org/format";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { OrganizationChips } from "./organization-chips";
import type { ApplyWindow, ProblemApplication } from "~/models/problem-work.server";
import type { RepresentedOrg } from "~/models/representation.server";
import type { ApplicationsReply } from "~/routes/problems.$id.applications";
import { NOTE_MAX } from "~/validation/problem-work";
import { ApplicationForm } from "./application-form";

type Props = {
  problemId: string;
  count: number;
  organizations: RepresentedOrg[];
  /** All of them for the poster and moderators; the viewer's own for an applicant; none otherwise. */
  applications: ProblemApplication[];
  manage: boolean;
  viewerId: string | null;
  /** Accepting is offered while the problem is open. */
  acceptable: boolean;
  apply: ApplyWindow;
};

const tone: Record<ProblemApplication["status"], string> = {
  submitted: "bg-slate-100 text-slate-700",
  shortlisted: "bg-amber-50 text-amber-900",
  accepted: "bg-teal-50 text-teal-800",
  declined: "bg-red-50 text-red-800",
  withdrawn: "bg-slate-100 text-slate-500",
};

/** The 揭榜 section: how many applied and for whom, the applications the viewer may read, and the form. */
export function Applications(props: Props) {
  const t = useT();
  const locale = useLocale();
  const { problemId, count, organizations, applications, manage, viewerId, apply } = props;
  const own = applications.find((application) => application.applicantId === viewerId);
  const shown = manage ? applications : own ? [own] : [];
  return (
    <section aria-labelledby="applications" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="applications" className="text-lg font-semibold text-slate-900">
        {t("problemWork.applications.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="application-count">
        {t("problemWork.applications.count", { count })}
      </p>
      <OrganizationChips title={t("problemWork.applications.organizations")} organizations={organizations} />
      {shown.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">
            {t(manage ? "problemWork.applications.all" : "problemWork.applications.mine")}
          </h3>
          <ol className="mt-2 space-y-3">
            {shown.map((application) => (
              <ApplicationCard
                // A decision changes the status: the card's form starts afresh.
                key={`${application.id}-${application.status}`}
                problemId={problemId}
                application={application}
                manage={manage}
                acceptable={props.acceptable}
                mine={application.applicantId === viewerId}
              />
            ))}
          </ol>
        </>
      )}
      {!own && apply.kind === "form" && <ApplicationForm problemId={problemId} orgs={apply.orgs} />}
      {!own && apply.kind === "closedSince" && (
        <p className="mt-4 text-sm text-slate-600">
          {t("problemWork.applications.closedSince", { date: formatDay(locale, new Date(apply.deadline)) })}
        </p>
      )}
      {!own && apply.kind === "notOpen" && (
        <p className="mt-4 text-sm text-slate-600">{t("problemWork.applications.notOpen")}</p>
      )}
    </section>
  );
}

function ApplicationCard({
  problemId,
  application,
  manage,
  acceptable,
  mine,
}: {
  problemId: string;
  application: ProblemApplication;
  manage: boolean;
  acceptable: boolean;
  mine: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<ApplicationsReply>();
  const [form, fields] = useForm({ id: `decide-${application.id}`, lastResult: fetcher.data?.result });
  const open = application.status === "submitted" || application.status === "shortlisted";
  const busy = fetcher.state !== "idle";
  const noteProps = getInputProps(fields.note, { type: "text" });
  return (
    <li
      className="rounded-lg border border-slate-200 p-3"
      aria-label={application.applicantName}
      data-application={application.status}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-slate-900">
          {application.applicantName}
          <span className="ml-2 text-sm font-normal text-slate-600">
            {application.org
              ? pick(locale, application.org.nameZh, application.org.nameEn)
              : t("problemWork.applications.ownName")}
          </span>
        </p>
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${tone[application.status]}`}>
          {t(`problemWork.status.${application.status}`)}
        </span>
      </div>
      <p className="text-xs text-slate-500">
        {t("problemWork.applications.submittedAt", {
          time: formatMoment(locale, new Date(application.createdAt)),
        })}
      </p>
      <h4 className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-500">
        {t("problemWork.applications.approach")}
      </h4>
      <MarkdownView html={application.approachHtml} className="mt-1" />
      <dl className="mt-2 grid gap-2 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("problemWork.applications.timeline")}
          </dt>
          <dd className="whitespace-pre-line text-sm text-slate-800">{application.timeline}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("problemWork.applications.team")}
          </dt>
          <dd className="whitespace-pre-line text-sm text-slate-800">{application.team}</dd>
        </div>
      </dl>
      {application.decisionNote && (
        <p className="mt-2 text-sm text-slate-700">
          {t("problemWork.applications.note", { note: application.decisionNote })}
        </p>
      )}
      {open && (manage || mine) && (
        <fetcher.Form
          method="post"
          action={`/problems/${problemId}/applications`}
          preventScrollReset
          {...getFormProps(form)}
          className="mt-3 flex flex-wrap items-start gap-2"
        >
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="applicationId" value={application.id} />
          {mine && (
            <SubmitButton name="intent" value="withdraw" variant="secondary" pending={busy}>
              {t("problemWork.applications.withdraw")}
            </SubmitButton>
          )}
          {manage && application.status === "submitted" && (
            <SubmitButton name="intent" value="shortlist" variant="secondary" pending={busy}>
              {t("problemWork.applications.shortlist")}
            </SubmitButton>
          )}
          {manage && acceptable && (
            <SubmitButton name="intent" value="accept" pending={busy}>
              {t("problemWork.applications.accept")}
            </SubmitButton>
          )}
          {manage && (
            // A <details> keeps declining (with its optional note) usable without JavaScript.
            <details className="min-w-64 flex-1" open={Boolean(fields.note.errors) || undefined}>
              <summary className="inline-flex cursor-pointer rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
                {t("problemWork.applications.decline")}
              </summary>
              <div className="mt-2 flex flex-wrap items-end gap-2">
                <div className="min-w-56 flex-1">
                  <label htmlFor={fields.note.id} className="block text-sm font-medium text-slate-800">
                    {t("problemWork.applications.declineNote")}
                  </label>
                  <input {...noteProps} key={noteProps.key} maxLength={NOTE_MAX} className={controlClass} />
                  <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
                </div>
                <SubmitButton name="intent" value="decline" variant="danger" pending={busy}>
                  {t("problemWork.applications.declineConfirm")}
                </SubmitButton>
              </div>
            </details>
          )}
        </fetcher.Form>
      )}
    </li>
  );
}
