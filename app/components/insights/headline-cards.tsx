import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";
import type { Headline } from "~/models/insights/types";
import { FigureValue, useFigureFormat } from "./figure-format";

type Card = { label: MessageKey; value: number | null; format: Intl.NumberFormat; detail?: string };

/** The period's headline figures as cards, read as one description list. */
export function HeadlineCards({ headline, csvHref }: { headline: Headline; csvHref: string }) {
  const t = useT();
  const { count, decimal, percent } = useFigureFormat();
  const cards: Card[] = [
    {
      label: "insights.headline.members",
      value: headline.members,
      format: count,
      detail: t("insights.headline.membersJoined", { count: count.format(headline.membersJoined) }),
    },
    { label: "insights.headline.organizations", value: headline.organizations, format: count },
    { label: "insights.headline.problemsPosted", value: headline.problemsPosted, format: count },
    { label: "insights.headline.problemsSolved", value: headline.problemsSolved, format: count },
    {
      label: "insights.headline.medianFirstResponse",
      value: headline.medianFirstResponseHours,
      format: decimal,
    },
    { label: "insights.headline.medianSolution", value: headline.medianSolutionDays, format: decimal },
    { label: "insights.headline.applications", value: headline.applications, format: count },
    { label: "insights.headline.acceptances", value: headline.acceptances, format: count },
    { label: "insights.headline.eventsHeld", value: headline.eventsHeld, format: count },
    { label: "insights.headline.registrations", value: headline.registrations, format: count },
    {
      label: "insights.headline.attendanceRate",
      value: headline.attendanceRate,
      format: percent,
      detail: t("insights.headline.attended", { count: count.format(headline.attended) }),
    },
    { label: "insights.headline.resourcesShared", value: headline.resourcesShared, format: count },
    { label: "insights.headline.inquiries", value: headline.inquiries, format: count },
    { label: "insights.headline.matchesTakenUp", value: headline.matchesTakenUp, format: count },
    { label: "insights.headline.crossAlliance", value: headline.crossAllianceSolutions, format: count },
    { label: "insights.headline.crossChain", value: headline.crossChainSolutions, format: count },
  ];
  return (
    <section aria-labelledby="headline-heading" className="mt-8">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="headline-heading" className="text-lg font-semibold text-slate-900">
          {t("insights.headline.title")}
        </h2>
        <a
          href={csvHref}
          download
          className="text-sm font-medium text-teal-800 underline hover:text-teal-900 print:hidden"
          aria-label={t("insights.table.csvLabel", { table: t("insights.headline.title") })}
        >
          {t("insights.table.csv")}
        </a>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 print:grid-cols-4">
        {cards.map((card) => (
          <div
            key={card.label}
            className="flex flex-col rounded-lg border border-slate-200 bg-white p-3 break-inside-avoid"
          >
            <dt className="text-xs font-medium text-slate-600">{t(card.label)}</dt>
            <dd className="order-first text-2xl font-semibold tabular-nums text-slate-900">
              <FigureValue value={card.value} format={card.format} />
            </dd>
            {card.detail && <dd className="mt-0.5 text-xs text-slate-500">{card.detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
