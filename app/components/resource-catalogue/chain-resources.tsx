import { Link } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainMapData } from "~/models/chains.server";

const link = `rounded font-medium text-teal-800 hover:underline ${focusRing}`;

/**
 * Under the chain map: each link's publicly shared results and service offers, counted, in supply order;
 * each count opens the catalogue filtered to that link and kind.
 */
export function ChainResources({ chain }: { chain: ChainMapData }) {
  const t = useT();
  const locale = useLocale();
  const nodes = chain.stages.flat().filter((node) => node.results > 0 || node.services > 0);
  const catalogue = (params: Record<string, string>) => `/resources?${new URLSearchParams(params)}`;
  return (
    <section aria-labelledby="chain-resources" className="mt-10" data-testid="chain-resources">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h2 id="chain-resources" className="text-lg font-semibold text-slate-900">
          {t("resourceCatalogue.chain.title")}
        </h2>
        <Link to={catalogue({ chain: chain.slug })} className={`text-sm ${link}`}>
          {t("resourceCatalogue.chain.all")}
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("resourceCatalogue.chain.lead")}</p>
      {nodes.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("resourceCatalogue.chain.empty")}</p>
      ) : (
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {nodes.map((node) => (
            <li
              key={node.id}
              data-node={node.slug}
              className="flex flex-wrap items-baseline justify-between gap-x-3 rounded-lg border border-slate-200 bg-white px-4 py-2"
            >
              <Link to={`/chains/${chain.slug}/${node.slug}`} className={link}>
                {pick(locale, node.nameZh, node.nameEn)}
              </Link>
              <span className="text-sm tabular-nums text-slate-600">
                {t("resourceCatalogue.chain.counts", { results: node.results, services: node.services })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
