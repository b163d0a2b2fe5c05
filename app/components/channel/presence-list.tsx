import { useT } from "~/i18n/use-t";
import { usePresence } from "~/realtime/use-presence";

/**
 * The members of an alliance who are online now, live (see usePresence). Rendering it counts the
 * viewer's tab as present, so a page shows it only to members (`alliance.presence.view`).
 */
export function PresenceList({ allianceId, selfId }: { allianceId: string; selfId?: string }) {
  const t = useT();
  const { online, error } = usePresence(allianceId);
  const headingId = `presence-${allianceId}`;
  return (
    <section aria-labelledby={headingId} data-presence={allianceId} className="text-sm">
      <h2 id={headingId} className="flex items-baseline justify-between gap-2 font-semibold text-slate-900">
        <span>{t("presence.heading")}</span>
        {online && (
          <span className="text-xs font-normal text-slate-500" data-online-count={online.length}>
            {t("presence.count", { count: online.length })}
          </span>
        )}
      </h2>
      {online === null ? (
        <p className="mt-2 text-slate-500">{t(error ? "presence.unavailable" : "presence.loading")}</p>
      ) : online.length === 0 ? (
        <p className="mt-2 text-slate-500">{t("presence.empty")}</p>
      ) : (
        <ul className="mt-2 space-y-1" aria-live="polite">
          {online.map((person) => (
            <li key={person.userId} data-user-id={person.userId} className="flex items-center gap-2">
              <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-emerald-500" />
              <span className="sr-only">{t("presence.online")}</span>
              <span className="truncate text-slate-800">
                {person.name}
                {person.userId === selfId && <span className="text-slate-500">{t("presence.you")}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
