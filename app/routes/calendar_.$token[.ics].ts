import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/i18n/detect";
import { writeCalendar } from "~/ics/calendar";
import { feedOwner } from "~/models/calendar-feeds.server";
import { listFeedEvents } from "~/models/event-ics.server";

/**
 * A user's private feed, for calendar apps: no session, the token in the URL is the key. Unknown or
 * revoked tokens are a plain 404; the body is never cached by shared caches.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  const owner = await feedOwner(db, params.token ?? "");
  if (!owner) {
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const viewer = { id: owner.id, platformRole: owner.platformRole };
  const events = await listFeedEvents(db, { viewer, locale: owner.locale, publicUrl: config.publicUrl });
  const body = writeCalendar(events, {
    host: config.publicUrl.hostname,
    alarm: true,
    name: translate(owner.locale, "calendarFeed.calendarName"),
    refresh: "PT1H",
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
