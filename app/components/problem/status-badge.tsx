import { useT } from "~/i18n/use-t";
import type { ProblemStatus } from "~/validation/problem";

const tone: Record<ProblemStatus, string> = {
  open: "bg-teal-50 text-teal-800 ring-teal-200",
  in_progress: "bg-amber-50 text-amber-900 ring-amber-200",
  solved: "bg-sky-50 text-sky-800 ring-sky-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function StatusBadge({ status }: { status: ProblemStatus }) {
  const t = useT();
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${tone[status]}`}
    >
      {t(`problem.status.${status}`)}
    </span>
  );
}
