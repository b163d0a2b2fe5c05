import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale } from "~/i18n/detect";
import { writeCalendar } from "~/ics/calendar";
import { getEventIcs } from "~/models/event-ics.server";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser } from "~/utils/session.server";

/** An ASCII stand-in for the filename="…" parameter; filename* carries the real title. */
const asciiName = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 _-]+/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 60) || "event";

/** One event as an .ics file, under the event page's rules: hidden or missing events are 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db, config } = context.services;
  const locale = user?.locale ?? detectLocale(request.headers);
  const event = await getEventIcs(db, { viewer: user, locale, publicUrl: config.publicUrl }, params.id ?? "");
  invariantResponse(event, 404, "event.notFound");
  const body = writeCalendar([event], { host: config.publicUrl.hostname, alarm: true });
  const filename = `${event.title.slice(0, 80)}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiName(event.title)}.ics"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-cache",
    },
  });
}
