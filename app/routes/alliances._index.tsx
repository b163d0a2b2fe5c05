import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AllianceGrid } from "~/components/home/alliance-cards";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listAlliances, memberCounts } from "~/models/alliances.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "alliance.directory.title");

/** Three queries however many alliances and members there are. */
export async function loader({ context }: LoaderFunctionArgs) {
  const { db } = context.services;
  const [alliances, counts] = await Promise.all([listAlliances(db), memberCounts(db)]);
  return { alliances: alliances.map((a) => ({ ...a, memberCount: counts.get(a.id) ?? 0 })) };
}

export default function AllianceDirectory() {
  const { alliances } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("alliance.directory.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{t("alliance.directory.lead")}</p>
      <AllianceGrid alliances={alliances} />
    </div>
  );
}
