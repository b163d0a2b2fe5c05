import { useT } from "~/i18n/use-t";
import type { EventStatus, EventType, EventVisibility } from "~/validation/event";

const statusLook: Record<EventStatus, string> = {
  draft: "bg-amber-100 text-amber-900",
  published: "bg-teal-100 text-teal-900",
  cancelled: "bg-red-100 text-red-900",
};

/** Type, and the status or audience when they are not the ordinary "published, public". */
export function EventBadges({
  type,
  status,
  visibility,
}: {
  type: EventType;
  status: EventStatus;
  visibility: EventVisibility;
}) {
  const t = useT();
  const badge = "rounded-full px-2 py-0.5 text-xs font-semibold";
  return (
    <span className="inline-flex flex-wrap gap-2">
      <span className={`${badge} bg-slate-100 text-slate-800`}>{t(`event.type.${type}`)}</span>
      {status !== "published" && (
        <span className={`${badge} ${statusLook[status]}`} data-testid="event-status">
          {t(`event.status.${status}`)}
        </span>
      )}
      {visibility === "alliance" && (
        <span className={`${badge} bg-indigo-100 text-indigo-900`}>{t("event.page.allianceOnly")}</span>
      )}
    </span>
  );
}
