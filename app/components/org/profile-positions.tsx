import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { ChainPositions, PositionNode } from "~/models/org-profile.server";

/** Per chain, the links the organization supplies and those it needs, each opening the link's page. */
export function ProfilePositions({ positions }: { positions: ChainPositions[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="org-positions" className="mt-10">
      <h2 id="org-positions" className="text-lg font-semibold text-slate-900">
        {t("org.positions.title")}
      </h2>
      {positions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("org.positions.none")}</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {positions.map((chain) => (
            <li key={chain.slug} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
              <h3 className="font-medium text-slate-900">
                <Link to={`/chains/${chain.slug}`} className="hover:text-teal-800 hover:underline">
                  {pick(locale, chain.nameZh, chain.nameEn)}
                </Link>
              </h3>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <NodeRow label={t("org.positions.supplies")} chainSlug={chain.slug} nodes={chain.supplies} />
                <NodeRow label={t("org.positions.needs")} chainSlug={chain.slug} nodes={chain.needs} />
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NodeRow({ label, chainSlug, nodes }: { label: string; chainSlug: string; nodes: PositionNode[] }) {
  const locale = useLocale();
  if (nodes.length === 0) return null;
  return (
    <>
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd>
        <ul className="flex flex-wrap gap-1.5">
          {nodes.map((node) => (
            <li key={node.slug}>
              <Link
                to={`/chains/${chainSlug}/${node.slug}`}
                className="inline-block rounded-md bg-slate-100 px-2 py-0.5 text-slate-800 hover:bg-teal-50 hover:text-teal-900"
              >
                {pick(locale, node.nameZh, node.nameEn)}
              </Link>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}
