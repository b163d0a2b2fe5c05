import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { formatDay, formatMoment } from "~/components/org/format";
import { StatusBadge } from "~/components/problem/status-badge";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { getProblem } from "~/models/problems.server";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? data.problem.title : t("error.title.404")} · ${t("common.appName")}` }];
};

/** Unknown, malformed and hidden problems all answer 404: an alliance-only problem does not exist to outsiders. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const problem = await getProblem(context.services.db, user, params.id ?? "");
  invariantResponse(problem, 404, "problem.notFound");
  return { problem };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

export default function ProblemPage() {
  const { problem } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link to="/problems" className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("problem.page.back")}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <StatusBadge status={problem.status} />
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{problem.title}</h1>
      </div>
      <dl className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <Fact label={t("problem.page.alliance")}>
          {problem.alliance ? (
            <Link to={`/alliances/${problem.alliance.slug}`} className="text-teal-700 hover:underline">
              {pick(locale, problem.alliance.nameZh, problem.alliance.nameEn)}
            </Link>
          ) : (
            t("problem.board.allAlliances")
          )}
        </Fact>
        <Fact label={t("problem.page.visibility")}>{t(`problem.visibility.${problem.visibility}`)}</Fact>
        <Fact label={t("problem.page.urgency")}>{t(`problem.urgency.${problem.urgency}`)}</Fact>
        <Fact label={t("problem.page.author")}>{problem.authorName}</Fact>
        <Fact label={t("problem.page.created")}>{formatMoment(locale, new Date(problem.createdAt))}</Fact>
        <Fact label={t("problem.page.updated")}>{formatMoment(locale, new Date(problem.updatedAt))}</Fact>
        {problem.deadline && (
          <Fact label={t("problem.page.deadline")}>{formatDay(locale, new Date(problem.deadline))}</Fact>
        )}
        {problem.reward && <Fact label={t("problem.page.reward")}>{problem.reward}</Fact>}
      </dl>
      {problem.nodes.length > 0 && (
        <section className="mt-6">
          <h2 className="text-sm font-semibold text-slate-900">{t("problem.page.nodes")}</h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {problem.nodes.map((node) => (
              <li key={node.id}>
                <Link
                  to={`/chains/${node.chainSlug}/${node.slug}`}
                  className="rounded-full bg-teal-50 px-2.5 py-1 text-sm text-teal-800 ring-1 ring-teal-200 hover:bg-teal-100"
                >
                  {pick(locale, node.nameZh, node.nameEn)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {problem.tags.length > 0 && (
        <section className="mt-4">
          <h2 className="text-sm font-semibold text-slate-900">{t("problem.page.tags")}</h2>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {problem.tags.map((tag) => (
              <li key={tag}>
                <Link
                  to={`/problems?tag=${encodeURIComponent(tag)}`}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200"
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <MarkdownView html={problem.html} className="mt-8" />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
