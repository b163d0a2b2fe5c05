import { useLocale, useT } from "~/i18n/use-t";
import { formatMoment } from "./format";

/** A freshly created invitation link: shown once, since only its hash is kept. */
export function CreatedLink({ url, expiresAt }: { url: string; expiresAt: Date }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div
      role="status"
      className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900"
    >
      <p>{t("org.invite.linkCreated")}</p>
      <input
        readOnly
        value={url}
        aria-label={t("org.invitations.link")}
        onFocus={(event) => event.currentTarget.select()}
        className="mt-2 block w-full rounded-md border border-teal-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
      />
      <p className="mt-2">{t("org.invite.linkExpires", { date: formatMoment(locale, expiresAt) })}</p>
    </div>
  );
}
