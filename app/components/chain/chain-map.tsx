import { useId } from "react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainSummary } from "~/models/chains.server";
import { layoutChain } from "./chain-layout";

/**
 * A chain as an SVG graph drawn on the server: readable without JavaScript, labelled in the reader's
 * language, and each node a link (keyboard focusable) to its entry in the node list below the map.
 */
export function ChainMap({ chain }: { chain: ChainSummary }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const layout = layoutChain(
    chain.stages.map((stage) =>
      stage.map((node) => ({ id: node.id, slug: node.slug, label: pick(locale, node.nameZh, node.nameEn) })),
    ),
    chain.edges,
  );
  const markerId = `${titleId}-arrow`;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
      <svg
        role="group"
        aria-labelledby={titleId}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className="max-w-none"
      >
        <title id={titleId}>{t("chain.map.title", { name: pick(locale, chain.nameZh, chain.nameEn) })}</title>
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 8 8"
            refX="2"
            refY="4"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" className="fill-slate-400" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {layout.edges.map((edge) => (
            <path
              key={`${edge.from}-${edge.to}`}
              d={edge.path}
              fill="none"
              strokeWidth="1.5"
              className="stroke-slate-300"
              markerEnd={`url(#${markerId})`}
            />
          ))}
        </g>
        {layout.nodes.map((node) => (
          <a key={node.id} href={`#node-${node.slug}`} className="group focus:outline-none">
            <rect
              x={node.x}
              y={node.y}
              width={node.width}
              height={node.height}
              rx="8"
              strokeWidth="1.5"
              className="fill-teal-50 stroke-teal-200 group-hover:fill-teal-100 group-focus:stroke-teal-700 group-focus:stroke-[3]"
            />
            <text
              x={node.x + node.width / 2}
              y={node.y + 12}
              textAnchor="middle"
              className="fill-slate-800 text-[13px]"
            >
              {node.lines.map((line, index) => (
                <tspan key={index} x={node.x + node.width / 2} dy={index === 0 ? 15 : 17}>
                  {line}
                </tspan>
              ))}
            </text>
          </a>
        ))}
      </svg>
    </div>
  );
}
