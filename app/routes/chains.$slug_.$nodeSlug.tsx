import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NodeOrganizations } from "~/components/chain/node-organizations";
import { countsText, weakReasonTexts } from "~/components/chain/node-style";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NodeResources } from "~/components/resource-catalogue/node-resources";
import { focusRing } from "~/components/layout/nav-items";
import { BilingualHeading } from "~/components/page-heading";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { findChainNode } from "~/models/chains.server";
import { listNodeResources } from "~/models/resource-catalogue.server";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("error.title.404")} · ${t("common.appName")}` }];
  const locale = metaLocale(matches);
  const { chain, node } = data;
  return [
    {
      title: `${pick(locale, node.nameZh, node.nameEn)} · ${pick(locale, chain.nameZh, chain.nameEn)} · ${t("common.appName")}`,
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db } = context.services;
  const found = await findChainNode(db, params.slug ?? "", params.nodeSlug ?? "");
  invariantResponse(found, 404, "chain.node.notFound");
  // The session was already checked for this request (root loader): asking again costs no query.
  const { user } = await getOptionalUser({ request, context });
  return { ...found, resources: await listNodeResources(db, user, found.node.id) };
}

export default function ChainNodePage() {
  const { chain, node, organizations, resources } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const nodes = new Map(chain.stages.flat().map((n) => [n.id, n]));
  const neighbours = (ids: string[]) => ids.map((id) => nodes.get(id)!);
  const upstream = neighbours(chain.edges.filter((e) => e.toNodeId === node.id).map((e) => e.fromNodeId));
  const downstream = neighbours(chain.edges.filter((e) => e.fromNodeId === node.id).map((e) => e.toNodeId));
  const weak = node.weak.length > 0;
  const link = `rounded font-medium text-teal-800 hover:underline ${focusRing}`;

  const neighbourList = (title: string, list: typeof upstream, none: string) => (
    <section aria-label={title}>
      <h2 className="text-sm font-semibold text-slate-500">{title}</h2>
      {list.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{none}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {list.map((n) => (
            <li key={n.id} className="flex flex-wrap items-baseline gap-x-2">
              <Link to={`/chains/${chain.slug}/${n.slug}`} className={link}>
                {pick(locale, n.nameZh, n.nameEn)}
              </Link>
              <span className="text-sm tabular-nums text-slate-500">{countsText(t, n)}</span>
              {n.weak.length > 0 && (
                <span className="text-sm font-semibold text-amber-900">{t("chain.weak.marker")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 lg:px-8">
      <p className="text-sm text-slate-600">
        {t("chain.node.chain")}
        <Link to={`/chains/${chain.slug}`} className={link}>
          {pick(locale, chain.nameZh, chain.nameEn)}
        </Link>
      </p>
      <div className="mt-2">
        <BilingualHeading nameZh={node.nameZh} nameEn={node.nameEn} />
      </div>
      <p className="mt-3 text-lg tabular-nums text-slate-800">{countsText(t, node)}</p>
      <p className="mt-1 text-sm text-slate-700">
        <Link to={`/problems?${new URLSearchParams({ node: node.id })}`} className={link}>
          {t("chain.node.openProblems", { count: node.openProblems })}
        </Link>
      </p>

      <section
        aria-label={t("chain.node.status")}
        className={`mt-4 rounded-lg px-4 py-3 ${weak ? "border-2 border-dashed border-amber-700 bg-amber-50 text-amber-900" : "border border-slate-200 bg-white text-slate-700"}`}
      >
        <p className="font-semibold">{weak ? `⚠ ${t("chain.node.weak")}` : t("chain.node.notWeak")}</p>
        {weak && (
          <ul className="mt-1 list-inside list-disc text-sm">
            {weakReasonTexts(t, node).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </section>

      <div className="mt-8 grid gap-6 sm:grid-cols-2">
        {neighbourList(t("chain.node.upstream"), upstream, t("chain.node.source"))}
        {neighbourList(t("chain.node.downstream"), downstream, t("chain.node.sink"))}
      </div>

      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <NodeOrganizations
          title={t("chain.node.suppliers", { count: node.suppliers })}
          empty={t("chain.node.noSuppliers")}
          organizations={organizations.filter((o) => o.position === "supplies")}
        />
        <NodeOrganizations
          title={t("chain.node.needers", { count: node.needs })}
          empty={t("chain.node.noNeeders")}
          organizations={organizations.filter((o) => o.position === "needs")}
        />
      </div>

      <NodeResources nodeId={node.id} lists={resources} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
