import type { LoaderFunctionArgs } from "@remix-run/node";
import { detectLocale } from "~/i18n/detect";
import { pick } from "~/i18n/pick";
import { translator } from "~/i18n/translate";
import { eventAccess } from "~/models/event-access.server";
import { listRegistrants } from "~/models/event-registrants.server";
import { attachment, toCsv } from "~/utils/csv";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { utcToZoned } from "~/utils/zoned-time";
import { registrantQuery } from "~/validation/event-check-in";

/**
 * The registrant list as CSV, for organizers (`event.registrants.view`: the only ones who may see
 * registrants' contact data), with the same 404 / login / 403 answers as the list's page. Every
 * occurrence, or the one named by `?occurrence=`; times in the event's zone, which the header names.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const event = await eventAccess(db, user, args.params.id ?? "");
  invariantResponse(event, 404, "eventRegistration.error.notFound");
  invariantResponse(event.registrants, 403, "eventRegistration.registrants.forbidden");
  const { occurrenceId } = registrantQuery(new URL(args.request.url));
  const rows = await listRegistrants(db, event.id, occurrenceId ? { occurrenceId } : {});
  const locale = detectLocale(args.request.headers);
  const t = translator(locale);
  const zoned = (date: Date | null) => (date ? utcToZoned(date, event.timeZone).replace("T", " ") : null);
  const inZone = (label: string) => `${label} (${event.timeZone})`;
  const csv = toCsv(
    [
      inZone(t("eventCheckIn.csv.occurrence")),
      t("eventCheckIn.csv.name"),
      t("eventCheckIn.csv.organization"),
      t("eventCheckIn.csv.email"),
      t("eventCheckIn.csv.status"),
      t("eventCheckIn.csv.position"),
      inZone(t("eventCheckIn.csv.registeredAt")),
      inZone(t("eventCheckIn.csv.checkedInAt")),
    ],
    rows.map((row) => [
      zoned(row.startsAt),
      row.displayName,
      row.orgNameZh && row.orgNameEn ? pick(locale, row.orgNameZh, row.orgNameEn) : null,
      row.email,
      t(`eventCheckIn.csv.${row.status}`),
      row.position,
      zoned(row.registeredAt),
      zoned(row.checkedInAt),
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(
        `${event.title} ${t("eventCheckIn.csv.filename")}.csv`,
        "registrants.csv",
      ),
      "Cache-Control": "private, no-store",
    },
  });
}
