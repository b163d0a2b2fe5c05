import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InquiryStatusBadge } from "~/components/inquiry/status-badge";
import { formatMoment } from "~/components/org/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { listInquiries } from "~/models/inquiry-list.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import { inquiryListSchema, inquiryStatuses, type InquiryStatus } from "~/validation/inquiry";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inquiry.list.title");

/** The inquiries one sent, or those the organizations one represents received, by status. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  invariantResponse(can(user, "inquiry.watch"), 403, "inquiry.error.forbidden");
  const url = new URL(args.request.url);
  const filter = inquiryListSchema.parse(Object.fromEntries(url.searchParams));
  const list = await listInquiries(args.context.services.db, user.id, {
    ...filter,
    before: url.searchParams.get("before"),
  });
  return { ...list, side: filter.side, status: filter.status ?? null };
}

const tabClass = (active: boolean) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${
    active ? "bg-teal-700 text-white" : "text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
  }`;

export default function InquiriesPage() {
  const { items, next, counts, side, status } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const href = (params: { side?: string; status?: InquiryStatus | null; before?: string }) => {
    const query = new URLSearchParams({ side: params.side ?? side });
    const chosen = params.status === undefined ? status : params.status;
    if (chosen) query.set("status", chosen);
    if (params.before) query.set("before", params.before);
    return `/inquiries?${query}`;
  };
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("inquiry.list.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("inquiry.list.lead")}</p>
      <nav aria-label={t("inquiry.list.title")} className="mt-6 flex gap-2">
        {(["sent", "received"] as const).map((value) => (
          <Link
            key={value}
            to={href({ side: value, status: null })}
            aria-current={side === value ? "page" : undefined}
            className={tabClass(side === value)}
          >
            {t(`inquiry.list.${value}`)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t("inquiry.thread.status")} className="mt-4 flex flex-wrap gap-2">
        <Link
          to={href({ status: null })}
          aria-current={status === null ? "true" : undefined}
          className={tabClass(status === null)}
        >
          {t("inquiry.list.all")} ({total})
        </Link>
        {inquiryStatuses.map((value) => (
          <Link
            key={value}
            to={href({ status: value })}
            aria-current={status === value ? "true" : undefined}
            className={tabClass(status === value)}
          >
            {t(`inquiry.status.${value}`)} ({counts[value] ?? 0})
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="mt-8 text-sm text-slate-600">{t("inquiry.list.empty")}</p>
      ) : (
        <ul
          className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
          data-inquiry-list
        >
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-3 p-4">
              <InquiryStatusBadge status={item.status} />
              <Link to={`/inquiries/${item.id}`} className="font-medium text-teal-800 hover:underline">
                {t("inquiry.thread.title", { resource: item.resourceTitle })}
              </Link>
              <span className="text-xs text-slate-500">
                {side === "received" && `${t("inquiry.list.asker", { name: item.askerName })} · `}
                {t("inquiry.list.updated", { when: formatMoment(locale, new Date(item.updatedAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p className="mt-6">
          <Link to={href({ before: next })} className="text-sm text-teal-700 underline hover:text-teal-900">
            {t("inquiry.list.more")}
          </Link>
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
