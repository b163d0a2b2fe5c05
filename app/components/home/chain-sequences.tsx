import { Link } from "@remix-run/react";
import { other, pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { focusRing } from "../layout/nav-items";

type Named = { nameZh: string; nameEn: string };
export type ChainSequence = Named & {
  id: string;
  slug: string;
  descriptionZh: string;
  descriptionEn: string;
  stages: (Named & { id: string })[][];
};

/** Each chain as a compact upstream → downstream sequence; the full map is on the chain's own page. */
export function ChainSequences({ chains }: { chains: ChainSequence[] }) {
  const t = useT();
  return (
    <section aria-labelledby="chains-title">
      <h2 id="chains-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {t("home.chains.title")}
      </h2>
      <p className="mt-2 max-w-3xl text-slate-600">{t("home.chains.lead")}</p>
      {chains.length === 0 ? (
        <p className="mt-6 text-slate-500">{t("home.chains.empty")}</p>
      ) : (
        <ol className="mt-8 space-y-4">
          {chains.map((chain, index) => (
            <li key={chain.id}>
              <Chain chain={chain} number={index + 1} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Chain({ chain, number }: { chain: ChainSequence; number: number }) {
  const t = useT();
  const locale = useLocale();
  const name = pick(locale, chain.nameZh, chain.nameEn);
  const count = chain.stages.reduce((sum, stage) => sum + stage.length, 0);
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span
          aria-hidden="true"
          className="grid size-7 place-items-center rounded-full bg-slate-900 text-xs font-bold text-white"
        >
          {number}
        </span>
        <h3 className="text-lg font-semibold text-slate-900">
          <Link to={`/chains/${chain.slug}`} className={`rounded hover:text-teal-800 ${focusRing}`}>
            {name}
          </Link>
        </h3>
        <span lang={locale === "en" ? "zh-CN" : "en"} className="text-xs text-slate-500">
          {other(locale, chain.nameZh, chain.nameEn)}
        </span>
        <span className="ml-auto text-xs text-slate-500">{t("home.chains.nodes", { count })}</span>
      </div>
      {chain.descriptionZh || chain.descriptionEn ? (
        <p className="mt-2 text-sm leading-6 text-slate-600">
          {pick(locale, chain.descriptionZh, chain.descriptionEn)}
        </p>
      ) : null}
      <ol
        aria-label={t("home.chains.sequence", { name })}
        className="mt-4 flex flex-wrap items-center gap-x-1.5 gap-y-2"
      >
        {chain.stages.map((stage, index) => (
          <li
            key={stage[0].id}
            aria-label={stage.length > 1 ? t("home.chains.stage", { index: index + 1 }) : undefined}
            className="flex items-center gap-1.5"
          >
            {index > 0 && <Arrow />}
            <ul
              className={
                stage.length > 1
                  ? "flex flex-col gap-1 rounded-lg border border-dashed border-slate-300 p-1"
                  : ""
              }
            >
              {stage.map((node) => (
                <li key={node.id} className="rounded-md bg-slate-100 px-2.5 py-1 text-sm text-slate-800">
                  {pick(locale, node.nameZh, node.nameEn)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}

function Arrow() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-teal-600">
      <path d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4Z" />
    </svg>
  );
}
