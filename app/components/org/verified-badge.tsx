import { useT } from "~/i18n/use-t";

/** The platform's "verified" mark: a visible word plus a fuller explanation for screen readers. */
export function VerifiedBadge() {
  const t = useT();
  return (
    <span
      title={t("org.verified.description")}
      className="inline-flex items-center gap-1 rounded-full bg-teal-50 px-2 py-0.5 text-xs font-semibold text-teal-800 ring-1 ring-teal-200"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0L3.3 9.7a1 1 0 1 1 1.4-1.4l3.8 3.8 6.8-6.8a1 1 0 0 1 1.4 0Z" />
      </svg>
      <span aria-hidden="true">{t("org.verified")}</span>
      <span className="sr-only">{t("org.verified.description")}</span>
    </span>
  );
}
