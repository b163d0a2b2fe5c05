import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChainLegend } from "~/components/chain/chain-legend";
import { ChainMap } from "~/components/chain/chain-map";
import { NodeList } from "~/components/chain/node-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ChainResources } from "~/components/resource-catalogue/chain-resources";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { BilingualHeading } from "~/components/page-heading";
import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";
import { findChainMap } from "~/models/chains.server";
import { invariantResponse } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  const locale = metaLocale(matches);
  const name = data ? pick(locale, data.chain.nameZh, data.chain.nameEn) : t("error.title.404");
  return [{ title: `${name} · ${t("common.appName")}` }];
};

export async function loader({ context, params }: LoaderFunctionArgs) {
  const chain = await findChainMap(context.services.db, params.slug ?? "");
  invariantResponse(chain, 404, "chain.notFound");
  return { chain };
}

export default function ChainPage() {
  const { chain } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <BilingualHeading nameZh={chain.nameZh} nameEn={chain.nameEn} />
      <p className="mt-4 max-w-3xl leading-7 text-slate-700">
        {pick(locale, chain.descriptionZh, chain.descriptionEn)}
      </p>
      <div className="mt-6">
        <ChainMap chain={chain} />
      </div>
      <div className="mt-4 max-w-3xl">
        <ChainLegend />
      </div>
      <NodeList chain={chain} />
      <ChainResources chain={chain} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
