import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatMoment } from "~/components/org/format";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { eventAccess } from "~/models/event-access.server";
import { listRegistrants, type Registrant } from "~/models/event-registrants.server";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  const title = data ? t("eventRegistration.registrants.title", { title: data.title }) : t("error.title.404");
  return [{ title: `${title} · ${t("common.appName")}` }];
};

/**
 * Who registered, with contact data and check-in codes: organizers of the host alliance only
 * (`event.registrants.view`). An event the viewer cannot see is 404, as its page would be.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const event = await eventAccess(db, user, args.params.id ?? "");
  invariantResponse(event, 404, "eventRegistration.error.notFound");
  invariantResponse(event.registrants, 403, "eventRegistration.registrants.forbidden");
  return { id: event.id, title: event.title, registrants: await listRegistrants(db, event.id) };
}

function Table({ rows, waitlist }: { rows: Registrant[]; waitlist: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="mt-2 w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          {waitlist && <th className="py-1 pr-3">{t("eventRegistration.registrants.position")}</th>}
          <th className="py-1 pr-3">{t("eventRegistration.registrants.name")}</th>
          <th className="py-1 pr-3">{t("eventRegistration.registrants.org")}</th>
          <th className="py-1 pr-3">{t("eventRegistration.registrants.email")}</th>
          <th className="py-1">{t("eventRegistration.registrants.code")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.code}>
            {waitlist && <td className="py-1 pr-3">{row.position}</td>}
            <td className="py-1 pr-3">{row.displayName}</td>
            <td className="py-1 pr-3">
              {row.orgNameZh && row.orgNameEn ? pick(locale, row.orgNameZh, row.orgNameEn) : ""}
            </td>
            <td className="py-1 pr-3">{row.email}</td>
            <td className="py-1 font-mono">{row.code}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function EventRegistrants() {
  const { id, title, registrants } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const occurrences = [...new Set(registrants.map((row) => row.occurrenceId))];
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link to={`/events/${id}`} className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("eventRegistration.registrants.back")}
      </Link>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">
        {t("eventRegistration.registrants.title", { title })}
      </h1>
      {occurrences.length === 0 && (
        <p className="mt-6 text-slate-600">{t("eventRegistration.registrants.empty")}</p>
      )}
      {occurrences.map((occurrenceId) => {
        const rows = registrants.filter((row) => row.occurrenceId === occurrenceId);
        const confirmed = rows.filter((row) => row.status === "confirmed");
        const waitlisted = rows.filter((row) => row.status === "waitlisted");
        return (
          <section key={occurrenceId} className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="text-base font-semibold text-slate-900">
              {t("eventRegistration.registrants.occurrence", {
                time: formatMoment(locale, rows[0].startsAt),
              })}
            </h2>
            <h3 className="mt-3 text-sm font-semibold text-slate-700">
              {t("eventRegistration.registrants.confirmed", { count: confirmed.length })}
            </h3>
            <Table rows={confirmed} waitlist={false} />
            {waitlisted.length > 0 && (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-700">
                  {t("eventRegistration.registrants.waitlisted", { count: waitlisted.length })}
                </h3>
                <Table rows={waitlisted} waitlist />
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
