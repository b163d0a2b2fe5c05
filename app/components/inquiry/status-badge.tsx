import { useT } from "~/i18n/use-t";
import type { InquiryStatus } from "~/validation/inquiry";

const tone: Record<InquiryStatus, string> = {
  open: "bg-amber-50 text-amber-900 ring-amber-200",
  answered: "bg-sky-50 text-sky-800 ring-sky-200",
  accepted: "bg-teal-50 text-teal-800 ring-teal-200",
  declined: "bg-slate-100 text-slate-700 ring-slate-200",
  withdrawn: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  const t = useT();
  return (
    <span
      data-inquiry-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${tone[status]}`}
    >
      {t(`inquiry.status.${status}`)}
    </span>
  );
}
