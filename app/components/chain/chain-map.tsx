import { useId } from "react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainMapData } from "~/models/chains.server";
import { FOOTER_LINE_HEIGHT, LINE_HEIGHT, layoutChain } from "./chain-layout";
import { boxStyle, colours, countsText, HatchPattern } from "./node-style";

/** How far the map may shrink to fit its column before it scrolls sideways: text stays at 10px or more. */
const MIN_SCALE = 0.8;

/**
 * A chain as an SVG graph drawn on the server: readable without JavaScript, labelled in the reader's
 * language, each node showing its supplier and needer counts and a link (keyboard focusable) to its page.
 */
export function ChainMap({ chain }: { chain: ChainMapData }) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const nodes = new Map(chain.stages.flat().map((node) => [node.id, node]));
  const layout = layoutChain(
    chain.stages.map((stage) =>
      stage.map((node) => ({
        id: node.id,
        slug: node.slug,
        label: pick(locale, node.nameZh, node.nameEn),
        footerLines: node.weak.length > 0 ? 2 : 1,
      })),
    ),
    chain.edges,
  );
  const markerId = `${titleId}-arrow`;
  const hatchId = `${titleId}-hatch`;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
      <svg
        role="group"
        aria-labelledby={titleId}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        // Shrinks a little to fit the page, never below MIN_SCALE; narrower screens scroll instead.
        style={{
          width: "100%",
          height: "auto",
          maxWidth: layout.width,
          minWidth: Math.round(layout.width * MIN_SCALE),
        }}
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
            <path d="M0,0 L8,4 L0,8 z" fill={colours.edge} />
          </marker>
          <HatchPattern id={hatchId} />
        </defs>
        <g aria-hidden="true">
          {layout.edges.map((edge) => (
            <path
              key={`${edge.from}-${edge.to}`}
              d={edge.path}
              fill="none"
              strokeWidth="1.5"
              stroke={colours.edge}
              strokeOpacity="0.7"
              markerEnd={`url(#${markerId})`}
            />
          ))}
        </g>
        {layout.nodes.map((box) => {
          const node = nodes.get(box.id)!;
          const name = pick(locale, node.nameZh, node.nameEn);
          const counts = t("chain.counts.long", { suppliers: node.suppliers, needs: node.needs });
          const weak = node.weak.length > 0;
          const centre = box.x + box.width / 2;
          return (
            <a
              key={box.id}
              href={`/chains/${chain.slug}/${node.slug}`}
              aria-label={t(weak ? "chain.map.nodeWeak" : "chain.map.node", { name, counts })}
              data-weak={weak || undefined}
              className="group focus:outline-none"
            >
              <rect
                x={box.x - 3}
                y={box.y - 3}
                width={box.width + 6}
                height={box.height + 6}
                rx="10"
                fill="none"
                stroke="none"
                strokeWidth="3"
                className="group-focus:stroke-teal-700"
              />
              <rect
                x={box.x}
                y={box.y}
                width={box.width}
                height={box.height}
                rx="8"
                {...boxStyle(weak, hatchId)}
                className="group-hover:opacity-80"
              />
              <text
                aria-hidden="true"
                textAnchor="middle"
                fill={colours.label}
                fontSize="13"
                fontWeight="500"
              >
                {box.lines.map((line, index) => (
                  <tspan key={index} x={centre} y={box.y + 23 + index * LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text aria-hidden="true" textAnchor="middle" fontSize="12.5">
                <tspan x={centre} y={box.footerY + 12} fill={colours.counts}>
                  {countsText(t, node)}
                </tspan>
                {weak && (
                  <tspan
                    x={centre}
                    y={box.footerY + 12 + FOOTER_LINE_HEIGHT}
                    fill={colours.weakText}
                    fontWeight="600"
                  >
                    {t("chain.weak.marker")}
                  </tspan>
                )}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
