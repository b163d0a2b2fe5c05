import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainMapData } from "~/models/chains.server";
import { focusRing } from "../layout/nav-items";
import { countsText, weakReasonTexts } from "./node-style";

/** The chain's links in supply order, with counts, weak-link reasons and neighbours: the map, as text. */
export function NodeList({ chain }: { chain: ChainMapData }) {
  const t = useT();
  const locale = useLocale();
  const nodes = chain.stages.flat();
  const name = new Map(nodes.map((node) => [node.id, pick(locale, node.nameZh, node.nameEn)]));
  const separator = locale === "en" ? ", " : "、";
  const neighbours = (ids: string[]) => ids.map((id) => name.get(id)).join(separator);
  return (
    <section aria-labelledby="chain-nodes" className="mt-10">
      <h2 id="chain-nodes" className="text-lg font-semibold text-slate-900">
        {t("chain.nodes.title")}
      </h2>
      <ol className="mt-3 grid gap-3 sm:grid-cols-2">
        {nodes.map((node) => {
          const upstream = chain.edges.filter((e) => e.toNodeId === node.id).map((e) => e.fromNodeId);
          const downstream = chain.edges.filter((e) => e.fromNodeId === node.id).map((e) => e.toNodeId);
          const weak = node.weak.length > 0;
          return (
            <li
              key={node.id}
              className={`rounded-lg border px-4 py-3 ${weak ? "border-2 border-dashed border-amber-700 bg-amber-50" : "border-slate-200 bg-white"}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <Link
                  to={`/chains/${chain.slug}/${node.slug}`}
                  className={`rounded font-medium text-slate-900 hover:text-teal-800 hover:underline ${focusRing}`}
                >
                  {name.get(node.id)}
                </Link>
                <span className="text-sm tabular-nums text-slate-600">{countsText(t, node)}</span>
              </div>
              {weak && (
                <div className="mt-1 text-sm text-amber-900">
                  <p className="font-semibold">{t("chain.weak.marker")}</p>
                  <ul className="list-inside list-disc">
                    {weakReasonTexts(t, node).map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="mt-1 text-sm text-slate-600">
                {upstream.length > 0
                  ? t("chain.nodes.upstream", { names: neighbours(upstream) })
                  : t("chain.nodes.source")}
              </p>
              <p className="text-sm text-slate-600">
                {downstream.length > 0
                  ? t("chain.nodes.downstream", { names: neighbours(downstream) })
                  : t("chain.nodes.sink")}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
