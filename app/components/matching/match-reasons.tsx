import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { MatchReasons } from "~/models/resource-matching.server";

/** Shared words shown beside a match: enough to see why, few enough to read at a glance. */
const WORDS_SHOWN = 5;

/** Why two match, in one line: "同节点：精密减速器；共同词：谐波、精度" / "same node: …; shares: …". */
export function MatchReasonText({ reasons }: { reasons: MatchReasons }) {
  const t = useT();
  const locale = useLocale();
  const parts: string[] = [];
  if (reasons.node)
    parts.push(t("matching.reason.node", { node: pick(locale, reasons.node.zh, reasons.node.en) }));
  if (reasons.upstream)
    parts.push(
      t("matching.reason.upstream", { node: pick(locale, reasons.upstream.zh, reasons.upstream.en) }),
    );
  if (reasons.downstream)
    parts.push(
      t("matching.reason.downstream", { node: pick(locale, reasons.downstream.zh, reasons.downstream.en) }),
    );
  if (reasons.shared.length > 0)
    parts.push(
      t("matching.reason.shared", {
        words: reasons.shared.slice(0, WORDS_SHOWN).join(t("matching.reason.wordSeparator")),
      }),
    );
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-slate-600" data-testid="match-reason">
      <span className="sr-only">{t("matching.reason.label")}: </span>
      {parts.join(t("matching.reason.separator"))}
    </p>
  );
}
