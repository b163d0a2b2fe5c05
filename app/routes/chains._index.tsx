import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChainLegend } from "~/components/chain/chain-legend";
import { ChainMap } from "~/components/chain/chain-map";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { listChainMaps } from "~/models/chains.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "chain.index.title");

export async function loader({ context }: LoaderFunctionArgs) {
  return { chains: await listChainMaps(context.services.db) };
}

export default function ChainsIndex() {
  const { chains } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("chain.index.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-600">{t("chain.index.lead")}</p>
      <div className="mt-6 max-w-3xl">
        <ChainLegend />
      </div>
      <ol className="mt-8 space-y-10">
        {chains.map((chain) => {
          const weak = chain.stages.flat().filter((node) => node.weak.length > 0).length;
          return (
            <li key={chain.id}>
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                <h2 className="text-xl font-semibold text-slate-900">
                  <Link to={`/chains/${chain.slug}`} className="hover:text-teal-800 hover:underline">
                    {pick(locale, chain.nameZh, chain.nameEn)}
                  </Link>
                </h2>
                <p className={`text-sm font-medium ${weak > 0 ? "text-amber-900" : "text-slate-500"}`}>
                  {weak > 0 ? t("chain.index.weakCount", { count: weak }) : t("chain.index.noWeak")}
                </p>
              </div>
              <p className="mt-1 max-w-3xl text-sm leading-6 text-slate-600">
                {pick(locale, chain.descriptionZh, chain.descriptionEn)}
              </p>
              <div className="mt-3">
                <ChainMap chain={chain} />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
