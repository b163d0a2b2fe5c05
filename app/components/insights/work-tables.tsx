import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { Insights } from "~/models/insights/types";
import { EmptyRow } from "./figure-tables";
import { useFigureFormat } from "./figure-format";
import { ColumnHeader, InsightTable, NumberCell, RowHeader, TextCell, rowClass } from "./insight-table";

type TableProps = { insights: Insights; csvHref: string };

const ZONE = "Asia/Shanghai";

/** Problems solved in the period, who posted them and who solved them, and what the work crossed. */
export function CollaborationTable({ insights, csvHref }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const solvedAt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: ZONE });
  const org = (names: { nameZh: string; nameEn: string } | null) =>
    names ? pick(locale, names.nameZh, names.nameEn) : t("insights.collab.unknownOrg");
  return (
    <InsightTable id="table-collaborations" caption={t("insights.table.collaborations")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.problem")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.collaboration")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.solvedAt")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.crossing")}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {insights.collaborations.map((row) => (
          <tr key={row.problemId} className={rowClass}>
            <RowHeader>
              <Link to={`/problems/${row.problemId}`} className="text-teal-800 underline hover:text-teal-900">
                {row.title}
              </Link>
            </RowHeader>
            <TextCell>
              {org(row.posterOrg)} <span aria-hidden="true">→</span>
              <span className="sr-only">,</span> {org(row.solverOrg)}
            </TextCell>
            <TextCell>
              <time dateTime={row.solvedAt} className="whitespace-nowrap">
                {solvedAt.format(new Date(row.solvedAt))}
              </time>
            </TextCell>
            <TextCell>
              <Crossings crossesAlliance={row.crossesAlliance} crossesChain={row.crossesChain} />
            </TextCell>
          </tr>
        ))}
        {insights.collaborations.length === 0 && (
          <EmptyRow columns={4} message={t("insights.collab.empty")} />
        )}
      </tbody>
    </InsightTable>
  );
}

function Crossings({ crossesAlliance, crossesChain }: { crossesAlliance: boolean; crossesChain: boolean }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-1">
      {crossesAlliance && <Badge tone="teal">{t("insights.collab.crossAlliance")}</Badge>}
      {crossesChain && <Badge tone="amber">{t("insights.collab.crossChain")}</Badge>}
    </ul>
  );
}

function Badge({ tone, children }: { tone: "teal" | "amber"; children: string }) {
  const colours =
    tone === "teal" ? "bg-teal-50 text-teal-900 ring-teal-200" : "bg-amber-50 text-amber-900 ring-amber-200";
  return (
    <li
      className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours}`}
    >
      {children}
    </li>
  );
}

/** The weak links of the shown chains, each with its reasons in words. */
export function WeakLinkTable({ insights, csvHref }: TableProps) {
  const t = useT();
  const locale = useLocale();
  const { count } = useFigureFormat();
  return (
    <InsightTable id="table-weak-links" caption={t("insights.table.weakLinks")} csvHref={csvHref}>
      <thead>
        <tr>
          <ColumnHeader>{t("insights.col.chain")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.node")}</ColumnHeader>
          <ColumnHeader>{t("insights.col.reasons")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.col.suppliers")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.col.needs")}</ColumnHeader>
          <ColumnHeader numeric>{t("insights.col.openProblems")}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {insights.weakLinks.map((row) => (
          <tr key={row.nodeId} className={rowClass}>
            <TextCell>{pick(locale, row.chain.nameZh, row.chain.nameEn)}</TextCell>
            <RowHeader>{pick(locale, row.node.nameZh, row.node.nameEn)}</RowHeader>
            <TextCell>
              <ul className="list-disc space-y-0.5 pl-4">
                {row.reasons.map((reason) => (
                  <li key={reason}>
                    {t(`chain.weak.reason.${reason}`, {
                      needs: row.needs,
                      suppliers: row.suppliers,
                      openProblems: row.openProblems,
                    })}
                  </li>
                ))}
              </ul>
            </TextCell>
            <NumberCell>{count.format(row.suppliers)}</NumberCell>
            <NumberCell>{count.format(row.needs)}</NumberCell>
            <NumberCell>{count.format(row.openProblems)}</NumberCell>
          </tr>
        ))}
        {insights.weakLinks.length === 0 && <EmptyRow columns={6} message={t("insights.weak.empty")} />}
      </tbody>
    </InsightTable>
  );
}
