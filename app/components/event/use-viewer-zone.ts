import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { viewerZoneCookie } from "~/utils/viewer-zone";
import { isTimeZone } from "~/utils/zoned-time";

/**
 * After hydration, tells the server the browser's zone through the `tz` cookie and reloads the data once
 * when it differs from the one the page was rendered for, so days and times follow the viewer's clock.
 */
export function useViewerZone(renderedFor: string | null): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isTimeZone(zone) || zone === renderedFor) return;
    document.cookie = viewerZoneCookie(zone);
    revalidator.revalidate();
    // Once per zone the page was rendered for: the revalidated data names the new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renderedFor]);
}
