import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";

type Organization = { id: string; nameZh: string; nameEn: string };

/** The organizations behind a count (who endorsed, who applied), under a small heading; nothing when none. */
export function OrganizationChips({
  title,
  organizations,
}: {
  title: string;
  organizations: Organization[];
}) {
  const locale = useLocale();
  if (organizations.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {organizations.map((org) => (
          <li key={org.id} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
            {pick(locale, org.nameZh, org.nameEn)}
          </li>
        ))}
      </ul>
    </div>
  );
}
