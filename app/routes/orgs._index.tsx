import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DirectoryFilters } from "~/components/org/directory-filters";
import { DirectoryList } from "~/components/org/directory-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listOrganizationDirectory } from "~/models/org-directory.server";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import { parseDirectoryQuery } from "~/validation/organization";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "org.directory.title");

/** Two queries however many organizations there are. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  // The session was already checked for this request (root loader): asking again costs no query.
  const [{ organizations, counts }, { user }] = await Promise.all([
    listOrganizationDirectory(context.services.db, query),
    getOptionalUser({ request, context }),
  ]);
  return { query, organizations, counts, canCreate: can(user, "org.create") };
}

export default function OrganizationDirectory() {
  const { query, organizations, counts, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("org.directory.title")}</h1>
        {canCreate && (
          <Link
            to="/orgs/new"
            className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
          >
            {t("org.create.link")}
          </Link>
        )}
      </div>
      <p className="mt-2 max-w-3xl text-slate-600">{t("org.directory.lead")}</p>
      <DirectoryFilters query={query} counts={counts} />
      <p role="status" className="mt-4 text-sm text-slate-600">
        {t("org.directory.results", { count: organizations.length })}
        <span className="text-slate-400"> · {t("org.directory.total", { count: counts.total })}</span>
      </p>
      <DirectoryList organizations={organizations} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
