import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AllianceGrid } from "~/components/home/alliance-cards";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listAlliances, memberCounts } from "~/models/alliances.server";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "alliance.directory.title");

/** Three queries however many alliances and members there are. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db } = context.services;
  // The session was already checked for this request (root loader): asking again costs no query.
  const [alliances, counts, { user }] = await Promise.all([
    listAlliances(db),
    memberCounts(db),
    getOptionalUser({ request, context }),
  ]);
  return {
    alliances: alliances.map((a) => ({ ...a, memberCount: counts.get(a.id) ?? 0 })),
    canCreate: can(user, "alliance.create"),
  };
}

export default function AllianceDirectory() {
  const { alliances, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("alliance.directory.title")}</h1>
        {canCreate && (
          <Link
            to="/alliances/new"
            className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
          >
            {t("allianceAdmin.newLink")}
          </Link>
        )}
      </div>
      <p className="mt-2 max-w-3xl text-slate-600">{t("alliance.directory.lead")}</p>
      <AllianceGrid alliances={alliances} />
    </div>
  );
}
