import { useLocale, useT } from "~/i18n/use-t";
import type { AllianceEvent } from "~/models/alliance-activity.server";

/** The overview's "recent activity": who joined, left or took on a role, newest first. */
export function AllianceEvents({ events }: { events: AllianceEvent[] }) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  return (
    <section aria-labelledby="alliance-events" className="mt-10">
      <h2 id="alliance-events" className="text-lg font-semibold text-slate-900">
        {t("membership.events.title")}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("membership.events.none")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {events.map((event) => (
            <li
              key={event.id}
              className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2.5 text-sm"
            >
              <span className="text-slate-800">
                {t(`membership.events.${event.type}`, {
                  name: event.name,
                  role: event.role ? t(`membership.role.${event.role}`) : "",
                })}
              </span>
              <time dateTime={event.at} className="text-xs text-slate-500">
                {format.format(new Date(event.at))}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
