import { Link } from "@remix-run/react";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { EventListItem } from "~/models/event-list.server";
import { formatRangeInZone } from "~/utils/zoned-time";
import { EventBadges } from "./event-badges";

type Shown = Omit<EventListItem, "startsAt" | "endsAt"> & { startsAt: string | Date; endsAt: string | Date };

/** Events as cards: time in the event's zone, place, host, seats. */
export function EventList({ events }: { events: Shown[] }) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <p className="mt-6 text-slate-600">{t("event.list.empty")}</p>;
  return (
    <ul className="mt-6 space-y-4" data-testid="event-list">
      {events.map((event) => (
        <li key={event.occurrenceId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <EventBadges type={event.type} status={event.status} visibility={event.visibility} />
          <h3 className="mt-2 text-lg font-semibold text-slate-900">
            <Link to={`/events/${event.id}`} className="hover:text-teal-800 hover:underline">
              {event.title}
            </Link>
          </h3>
          <p className="mt-1 text-sm text-slate-700">
            {formatRangeInZone(new Date(event.startsAt), new Date(event.endsAt), {
              locale,
              timeZone: event.timeZone,
            })}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {[event.venueName, event.online ? t("event.list.online") : null].filter(Boolean).join(" · ")}
            {" · "}
            {t("event.list.hostedBy", { name: pick(locale, event.host.nameZh, event.host.nameEn) })}
            {event.capacity !== null &&
              ` · ${t("event.list.seats", { confirmed: event.confirmedCount, capacity: event.capacity })}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
