import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainSummary } from "~/models/chains.server";

/** The chain's links in supply order, each with its upstream and downstream neighbours: the map, as text. */
export function NodeList({ chain }: { chain: ChainSummary }) {
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
          return (
            <li
              key={node.id}
              id={`node-${node.slug}`}
              tabIndex={-1}
              className="scroll-mt-24 rounded-lg border border-slate-200 bg-white px-4 py-3 target:ring-2 target:ring-teal-600"
            >
              <p className="font-medium text-slate-900">{name.get(node.id)}</p>
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
