import { isTimeZone } from "./zoned-time";

/**
 * The viewer's IANA zone travels in a `tz` cookie: the server cannot know it, so the browser writes it
 * once hydrated (useViewerZone) and later pages render in it from the first byte.
 */
export const VIEWER_ZONE_COOKIE = "tz";
const ONE_YEAR = 365 * 24 * 60 * 60;

/** The zone in a Cookie header; null when missing or not a zone Intl knows. */
export function viewerZoneFrom(cookieHeader: string | null): string | null {
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === VIEWER_ZONE_COOKIE)?.[1];
  if (!raw) return null;
  try {
    const zone = decodeURIComponent(raw);
    return isTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}

/** The document.cookie assignment that remembers a zone (readable by scripts: it is no secret). */
export function viewerZoneCookie(zone: string): string {
  return `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`;
}
