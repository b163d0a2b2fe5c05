import { Link } from "@remix-run/react";
import { ErrorList } from "~/components/form/error-list";
import { useLocale, useT } from "~/i18n/use-t";
import type { PersonOverlap } from "~/models/event-overlap.server";
import { formatInZone, isTimeZone } from "~/utils/zoned-time";
import { DEFAULT_TIME_ZONE } from "~/validation/event";

/** People busy elsewhere at these times: a warning the organizer confirms with the checkbox. */
export function OverlapWarning({
  overlaps,
  timeZone,
  checkbox,
  errorId,
  errors,
}: {
  overlaps: PersonOverlap[];
  timeZone: string;
  checkbox: React.InputHTMLAttributes<HTMLInputElement>;
  errorId: string;
  errors: string[] | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3"
      data-testid="overlaps"
    >
      <p className="text-sm font-semibold text-amber-900">{t("event.overlap.title")}</p>
      <ErrorList id={errorId} errors={errors} />
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
        {overlaps.map((overlap) => (
          <li key={`${overlap.userId}-${overlap.eventId}`}>
            <Link to={`/events/${overlap.eventId}`} className="underline hover:text-amber-700">
              {t(overlap.role === "organizer" ? "event.overlap.organizer" : "event.overlap.speaker", {
                name: overlap.displayName,
                title: overlap.title,
                time: formatInZone(new Date(overlap.startsAt), { locale, timeZone: zone }),
              })}
            </Link>
          </li>
        ))}
      </ul>
      <label className="mt-3 flex items-center gap-2 text-sm font-medium text-amber-900">
        <input {...checkbox} className="size-4 rounded border-amber-400 text-teal-700" />
        {t("event.field.acceptOverlaps")}
      </label>
    </div>
  );
}
