import type { MessageKey } from "~/i18n/dictionary";
import { useLocale, useT } from "~/i18n/use-t";
import { oneDecimal, percent } from "~/models/insights/csv";
import type { Headline } from "~/models/insights/types";

type Figure = { label: MessageKey; value: number | null };

/** The headline in groups a reader scans: people, problems, events, resources, collaboration. */
function groups(h: Headline): { title: MessageKey; figures: Figure[] }[] {
  return [
    {
      title: "insightsReport.figure.people",
      figures: [
        { label: "insightsReport.col.members", value: h.members },
        { label: "insightsReport.col.membersJoined", value: h.membersJoined },
        { label: "insightsReport.col.organizations", value: h.organizations },
      ],
    },
    {
      title: "insightsReport.figure.problems",
      figures: [
        { label: "insightsReport.col.problemsPosted", value: h.problemsPosted },
        { label: "insightsReport.col.problemsSolved", value: h.problemsSolved },
        {
          label: "insightsReport.col.medianFirstResponseHours",
          value: oneDecimal(h.medianFirstResponseHours),
        },
        { label: "insightsReport.col.medianSolutionDays", value: oneDecimal(h.medianSolutionDays) },
        { label: "insightsReport.col.applications", value: h.applications },
        { label: "insightsReport.col.acceptances", value: h.acceptances },
      ],
    },
    {
      title: "insightsReport.figure.events",
      figures: [
        { label: "insightsReport.col.eventsHeld", value: h.eventsHeld },
        { label: "insightsReport.col.registrations", value: h.registrations },
        { label: "insightsReport.col.attended", value: h.attended },
        { label: "insightsReport.col.attendanceRate", value: percent(h.attendanceRate) },
      ],
    },
    {
      title: "insightsReport.figure.resources",
      figures: [
        { label: "insightsReport.col.resourcesShared", value: h.resourcesShared },
        { label: "insightsReport.col.inquiries", value: h.inquiries },
        { label: "insightsReport.col.matchesTakenUp", value: h.matchesTakenUp },
      ],
    },
    {
      title: "insightsReport.figure.collaboration",
      figures: [
        { label: "insightsReport.col.crossAllianceSolutions", value: h.crossAllianceSolutions },
        { label: "insightsReport.col.crossChainSolutions", value: h.crossChainSolutions },
      ],
    },
  ];
}

export function HeadlineFigures({ headline }: { headline: Headline }) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale(), { maximumFractionDigits: 1 });
  return (
    <div className="mt-3 grid items-start gap-4 sm:grid-cols-2 print:grid-cols-2">
      {groups(headline).map((group) => (
        <div key={group.title} className="break-inside-avoid rounded-md border border-slate-200 p-3">
          <h3 className="text-sm font-semibold text-slate-700">{t(group.title)}</h3>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            {group.figures.map((figure) => (
              <div key={figure.label} className="contents">
                <dt className="text-slate-600">{t(figure.label)}</dt>
                <dd className="text-right font-semibold tabular-nums text-slate-900">
                  {figure.value === null ? t("insightsReport.none") : number.format(figure.value)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
