import { useT } from "~/i18n/use-t";
import type { ResourceKind, ResourceMode, ResourceTerms } from "~/validation/resource";

/**
 * One colour per kind, so a list can be scanned by kind; emoji were tried and render as empty boxes where
 * no emoji font is installed (the word stays what is read).
 */
const kindClass: Record<ResourceKind, string> = {
  result: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  product: "bg-violet-50 text-violet-800 ring-violet-200",
  service: "bg-teal-50 text-teal-800 ring-teal-200",
  dataset: "bg-amber-50 text-amber-800 ring-amber-200",
  document: "bg-slate-100 text-slate-800 ring-slate-300",
  equipment: "bg-rose-50 text-rose-800 ring-rose-200",
  lab_time: "bg-lime-50 text-lime-800 ring-lime-200",
};

/** The kind in its colour; `compact` sizes it for a row of a list, beside the list's other marks. */
export function KindBadge({ kind, compact = false }: { kind: ResourceKind; compact?: boolean }) {
  const t = useT();
  const size = compact ? "px-2 py-0.5 font-semibold" : "px-2.5 py-1 font-medium";
  return (
    <span
      data-kind={kind}
      className={`inline-flex items-center rounded-full text-xs ring-1 ${size} ${kindClass[kind]}`}
    >
      {t(`resource.kind.${kind}`)}
    </span>
  );
}

const termsClass: Record<ResourceTerms, string> = {
  free: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  paid: "bg-slate-100 text-slate-800 ring-slate-300",
  negotiable: "bg-sky-50 text-sky-800 ring-sky-200",
};

/** Free, paid or negotiable, and the ways the provider works with whoever takes it up. */
export function TermsBadges({ terms, modes }: { terms: ResourceTerms; modes: readonly ResourceMode[] }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-2">
      <li className={`rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ${termsClass[terms]}`}>
        {t(`resource.terms.${terms}`)}
      </li>
      {modes.map((mode) => (
        <li
          key={mode}
          className="rounded-full bg-white px-2.5 py-1 text-xs text-slate-700 ring-1 ring-slate-300"
        >
          {t(`resource.mode.${mode}`)}
        </li>
      ))}
    </ul>
  );
}

/** Past its expiry day, until the provider confirms it or withdraws it. */
export function ExpiredBadge() {
  const t = useT();
  return (
    <span
      title={t("resource.expiry.badgeHint")}
      className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-300"
    >
      {t("resource.expiry.badge")}
    </span>
  );
}
