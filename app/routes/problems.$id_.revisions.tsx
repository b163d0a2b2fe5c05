import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RevisionList } from "~/components/problem/revision-list";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { problemAccess } from "~/models/problem-access.server";
import { listRevisions } from "~/models/problem-edit.server";
import { invariantResponse } from "~/utils/invariant";
import { lineDiff } from "~/utils/line-diff";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  const title = data ? t("problemCare.revisions.title", { title: data.title }) : t("error.title.404");
  return [{ title: `${title} · ${t("common.appName")}` }];
};

/**
 * Every version of a problem's text, newest first, each compared line by line with the one before.
 * Whoever may see the problem may see its history.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db } = context.services;
  const problem = await problemAccess(db, user, params.id ?? "");
  invariantResponse(problem, 404, "problem.notFound");
  const revisions = await listRevisions(db, problem.id);
  const versions = revisions.map((revision, index) => {
    const previous = index > 0 ? revisions[index - 1] : null;
    return {
      version: revision.version,
      editorName: revision.editorName,
      createdAt: revision.createdAt,
      diff: previous && {
        title: lineDiff(previous.title, revision.title),
        tags: lineDiff(previous.tags.join("\n"), revision.tags.join("\n")),
        body: lineDiff(previous.body, revision.body),
      },
    };
  });
  return { id: problem.id, title: problem.title, versions: versions.reverse() };
}

export default function ProblemRevisions() {
  const { id, title, versions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link to={`/problems/${id}`} className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("problemCare.revisions.back")}
      </Link>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">
        {t("problemCare.revisions.title", { title })}
      </h1>
      <RevisionList versions={versions} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
