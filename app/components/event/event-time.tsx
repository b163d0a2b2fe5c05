import { useEffect, useState } from "react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatRangeInZone, sameOffset } from "~/utils/zoned-time";

/**
 * An event's time in its own zone, and — once the browser has told us the viewer's zone, after
 * hydration — in the viewer's too when the clocks differ. The server cannot know the viewer's zone.
 */
export function EventTime({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: string | Date;
  endsAt: string | Date;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const [viewerZone, setViewerZone] = useState<string | null>(null);
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const other = viewerZone && !sameOffset(start, viewerZone, timeZone) ? viewerZone : null;
  return (
    <span className="block">
      <time dateTime={start.toISOString()} className="block">
        {formatRangeInZone(start, end, { locale, timeZone })}
        <span className="ml-1 text-slate-500">{timeZone}</span>
      </time>
      {other && (
        <span className="block text-sm text-slate-500" data-testid="viewer-time">
          {t("event.page.yourTime", { time: formatRangeInZone(start, end, { locale, timeZone: other }) })}
        </span>
      )}
    </span>
  );
}
