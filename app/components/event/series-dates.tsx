import { RegistrationButton, registrationKey } from "./registration-button";
import { Link, useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import type { EventOccurrence } from "~/models/event-page.server";
import type { RegistrationView } from "~/models/event-registration-view.server";
import type { RegistrationReply } from "~/routes/events.$id.registration";
import type { SeriesReply } from "~/routes/events.$id.series";
import { EventTime } from "./event-time";

type Props = {
  eventId: string;
  timeZone: string;
  occurrences: EventOccurrence[];
  registrations: RegistrationView[];
  manage: boolean;
};

/**
 * The dates of a series: coming ones first (each with its seats, the viewer's place and the button to
 * register or cancel; organizers edit or cancel a date on its own), past ones folded away, and one
 * button to register for every coming date. The page keeps it live (useEventLive).
 */
export function SeriesDates({ eventId, timeZone, occurrences, registrations, manage }: Props) {
  const t = useT();
  const views = new Map(registrations.map((view) => [view.occurrenceId, view]));
  const ended = (o: EventOccurrence) => views.get(o.id)?.state === "started";
  const coming = occurrences.filter((o) => !ended(o));
  const past = occurrences.filter(ended);
  const open = coming.some((o) => views.get(o.id)?.state === "open" && !views.get(o.id)?.mine);
  const canRegister = registrations.some((view) => view.canRegister);
  // Its reply outlives the button: once every date is taken the button goes, the confirmation stays.
  const registerAll = useFetcher<SeriesReply>({ key: registerAllKey(eventId) });
  return (
    <section aria-labelledby="series-dates" className="mt-8" data-testid="series-dates">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="series-dates" className="text-xl font-semibold text-slate-900">
          {t("eventSeries.upcoming")}
        </h2>
        {canRegister && (open || registerAll.data) && <RegisterAll eventId={eventId} open={open} />}
      </div>
      {coming.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("eventSeries.none")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {coming.map((o) => (
            <DateRow
              key={o.id}
              eventId={eventId}
              timeZone={timeZone}
              occurrence={o}
              view={views.get(o.id)}
              manage={manage}
            />
          ))}
        </ol>
      )}
      {past.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">
            {t("eventSeries.past", { count: past.length })}
          </summary>
          <ol className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200">
            {past.map((o) => (
              <DateRow
                key={o.id}
                eventId={eventId}
                timeZone={timeZone}
                occurrence={o}
                view={views.get(o.id)}
                manage={false}
              />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

const registerAllKey = (eventId: string) => `series-register-all-${eventId}`;

function RegisterAll({ eventId, open }: { eventId: string; open: boolean }) {
  const t = useT();
  const fetcher = useFetcher<SeriesReply>({ key: registerAllKey(eventId) });
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <fetcher.Form
      method="post"
      action={`/events/${eventId}/series`}
      preventScrollReset
      className="flex items-center gap-3"
    >
      {open && (
        <SubmitButton name="intent" value="registerAll" pending={fetcher.state !== "idle"}>
          {t("eventSeries.registerAll")}
        </SubmitButton>
      )}
      {reply?.ok && reply.intent === "registerAll" && (
        <span role="status" className="text-sm text-slate-700">
          {reply.confirmed + reply.waitlisted === 0
            ? t("eventSeries.registerAllNone")
            : reply.waitlisted === 0
              ? t("eventSeries.registeredAll", { count: reply.confirmed })
              : t("eventSeries.registeredAllWaitlisted", {
                  count: reply.confirmed + reply.waitlisted,
                  waitlisted: reply.waitlisted,
                })}
        </span>
      )}
    </fetcher.Form>
  );
}

function DateRow({
  eventId,
  timeZone,
  occurrence,
  view,
  manage,
}: {
  eventId: string;
  timeZone: string;
  occurrence: EventOccurrence;
  view: RegistrationView | undefined;
  manage: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<RegistrationReply>({ key: registrationKey(occurrence.id) });
  const cancel = useFetcher<SeriesReply>({ key: `series-cancel-${occurrence.id}` });
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  const cancelled = occurrence.status === "cancelled";
  const mine = view?.mine ?? null;
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3"
      data-occurrence={occurrence.id}
    >
      <div className="min-w-0 flex-1 basis-72">
        <div className={cancelled ? "text-slate-500 line-through" : "text-slate-900"}>
          <EventTime startsAt={occurrence.startsAt} endsAt={occurrence.endsAt} timeZone={timeZone} />
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {cancelled && (
            <span className="rounded bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">
              {t("eventSeries.cancelled")}
            </span>
          )}
          {!cancelled && occurrence.detached && (
            <span className="rounded bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800">
              {t("eventSeries.moved")}
            </span>
          )}
          {occurrence.venueRoom && !cancelled && (
            <span className="text-slate-600">{occurrence.venueRoom}</span>
          )}
          {view && !cancelled && (
            <span className="text-slate-600" data-testid="seats">
              {view.capacity === null
                ? t("eventRegistration.unlimited")
                : t("eventRegistration.seatsLeft", { left: view.seatsLeft ?? 0, capacity: view.capacity })}
            </span>
          )}
          {mine && !cancelled && (
            <span className="font-medium text-teal-800" data-testid="registration-state">
              {mine.status === "confirmed" ? (
                <>
                  {t("eventRegistration.codeLabel")}
                  <span className="ml-1.5 font-mono font-semibold tracking-wider" data-testid="check-in-code">
                    {mine.code}
                  </span>
                </>
              ) : (
                t("eventRegistration.waitlisted", { position: mine.position })
              )}
            </span>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {view && !cancelled && <RegistrationButton eventId={eventId} view={view} />}
        {manage && !cancelled && (
          <span className="flex items-center gap-3">
            <Link
              to={`/events/${eventId}/occurrences/${occurrence.id}`}
              className="text-sm font-semibold text-teal-700 underline"
            >
              {t("eventSeries.editOne")}
            </Link>
            <cancel.Form
              method="post"
              action={`/events/${eventId}/series`}
              preventScrollReset
              onSubmit={(event) => {
                if (!window.confirm(t("eventSeries.cancelOne.confirm"))) event.preventDefault();
              }}
            >
              <input type="hidden" name="occurrenceId" value={occurrence.id} />
              <button
                type="submit"
                name="intent"
                value="cancelOccurrence"
                className="text-sm font-semibold text-red-700 underline"
              >
                {t("eventSeries.cancelOne")}
              </button>
            </cancel.Form>
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {t(error)}
        </p>
      )}
    </li>
  );
}
