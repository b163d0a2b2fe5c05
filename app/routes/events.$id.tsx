import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventAfter } from "~/components/event/event-after";
import { EventBadges } from "~/components/event/event-badges";
import { EventCalendarActions } from "~/components/event/event-calendar-actions";
import { EventTime } from "~/components/event/event-time";
import { RegistrationPanel } from "~/components/event/registration-panel";
import { SeriesDates } from "~/components/event/series-dates";
import { useEventLive } from "~/components/event/use-event-live";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { getEventAfter } from "~/models/event-after.server";
import { getEventPage, type EventAlliance } from "~/models/event-page.server";
import { getRegistrationView } from "~/models/event-registration-view.server";
import { cancelEvent } from "~/models/events.server";
import { eventTopic } from "~/realtime/topics";
import { requireEventManager } from "~/utils/event-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";
import { formatInZone } from "~/utils/zoned-time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? data.event.title : t("error.title.404")} · ${t("common.appName")}` }];
};

/**
 * An event: times in its own zone, place, agenda, linked problems, registration. Drafts exist only for
 * its managers, alliance-only events only for members of a host (404 for everyone else). The online
 * link is for managers and people holding a confirmed seat. A constant four queries.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db } = context.services;
  const page = await getEventPage(db, user, params.id ?? "");
  invariantResponse(page, 404, "event.notFound");
  const { ref } = page;
  const watch = can(user, "event.watch");
  const [registrations, after, afterEvent] = await Promise.all([
    getRegistrationView(
      db,
      user,
      page.occurrences.map((o) => o.id),
    ),
    watch ? latestActivityId(db, eventTopic(ref.id)) : 0,
    getEventAfter(db, user, ref, page.occurrences),
  ]);
  const registered = registrations.some((view) => view.mine?.status === "confirmed");
  const showOnlineLink = ref.manage || registered;
  return {
    event: {
      id: ref.id,
      title: ref.title,
      status: ref.status,
      visibility: ref.visibility,
      timeZone: ref.timeZone,
      capacity: ref.capacity,
      registrationOpensAt: ref.registrationOpensAt,
      registrationClosesAt: ref.registrationClosesAt,
      type: page.type,
      html: page.html,
      venueName: page.venueName,
      venueRoom: page.venueRoom,
      venueAddress: page.venueAddress,
      hasOnline: page.onlineUrl !== null,
      onlineUrl: showOnlineLink ? page.onlineUrl : null,
      host: page.host,
      cohosts: page.cohosts,
      occurrences: page.occurrences,
      agenda: page.agenda,
      problems: page.problems,
    },
    manage: ref.manage,
    follow: watch ? { following: page.following } : null,
    registrations,
    afterEvent,
    live: watch ? { topic: eventTopic(ref.id), after } : null,
  };
}

/** Cancelling (managers only): the event stays, marked cancelled, so registrants can still see it. */
export async function action(args: ActionFunctionArgs) {
  const { user, event } = await requireEventManager(args);
  const form = await args.request.formData().catch(() => new FormData());
  if (form.get("intent") !== "cancel") return data({ ok: false }, { status: 400 });
  await cancelEvent(args.context.services, event, user);
  return redirect(`/events/${event.id}`, { status: 303 });
}

export default function EventPage() {
  const { event, manage, follow, registrations, afterEvent, live } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  useEventLive(live);
  const name = (a: EventAlliance) => pick(locale, a.nameZh, a.nameEn);
  const at = (date: string | Date) => formatInZone(new Date(date), { locale, timeZone: event.timeZone });
  const occurrence = event.occurrences[0];
  const clock = (offset: number) => {
    const start = new Date(new Date(occurrence.startsAt).getTime() + offset * 60_000);
    return new Intl.DateTimeFormat(locale, {
      timeZone: event.timeZone,
      hour: "2-digit",
      minute: "2-digit",
    }).format(start);
  };
  return (
    <article className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <EventBadges type={event.type} status={event.status} visibility={event.visibility} />
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-slate-900">{event.title}</h1>
      {event.status === "cancelled" && (
        <p role="status" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          {t("event.page.cancelledNotice")}
        </p>
      )}
      {event.status === "draft" && (
        <p
          role="status"
          className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900"
        >
          {t("event.page.draftNotice")}
        </p>
      )}
      {manage && (
        <div className="mt-4 flex items-center gap-4">
          <Link to={`/events/${event.id}/edit`} className="text-sm font-semibold text-teal-700 underline">
            {t("event.page.edit")}
          </Link>
          <Link
            to={`/events/${event.id}/registrants`}
            className="text-sm font-semibold text-teal-700 underline"
          >
            {t("eventCheckIn.registrantsLink")}
          </Link>
          {event.status !== "cancelled" && (
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="cancel"
                className="text-sm font-semibold text-red-700 underline"
              >
                {t("event.page.cancel")}
              </button>
            </Form>
          )}
        </div>
      )}
      <dl className="mt-6 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-500">{t("event.page.when")}</dt>
          <dd className="mt-1 text-slate-900" data-testid="event-when">
            {occurrence && (
              <EventTime
                startsAt={occurrence.startsAt}
                endsAt={occurrence.endsAt}
                timeZone={event.timeZone}
              />
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500">{t("event.page.where")}</dt>
          <dd className="mt-1 text-slate-900">
            {event.venueName && (
              <span className="block">
                {[event.venueName, event.venueRoom, event.venueAddress].filter(Boolean).join(" · ")}
              </span>
            )}
            {event.onlineUrl ? (
              <a
                href={event.onlineUrl}
                rel="noreferrer noopener"
                className="text-teal-700 underline"
                data-testid="online-link"
              >
                {t("event.page.online")}
              </a>
            ) : (
              event.hasOnline && (
                <span className="block text-sm text-slate-600">{t("event.page.onlineHidden")}</span>
              )
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-500">{t("event.page.host")}</dt>
          <dd className="mt-1">
            <Link to={`/alliances/${event.host.slug}/events`} className="text-teal-700 underline">
              {name(event.host)}
            </Link>
            {event.cohosts.length > 0 && (
              <span className="block text-sm text-slate-600">
                {t("event.page.cohosts")}: {event.cohosts.map(name).join("、")}
              </span>
            )}
          </dd>
        </div>
        {(event.registrationOpensAt || event.registrationClosesAt) && (
          <div>
            <dt className="text-sm font-medium text-slate-500">{t("event.page.registration")}</dt>
            <dd className="mt-1 text-sm text-slate-700">
              {event.registrationOpensAt && (
                <span className="block">
                  {t("event.page.registrationOpens", { time: at(event.registrationOpensAt) })}
                </span>
              )}
              {event.registrationClosesAt && (
                <span className="block">
                  {t("event.page.registrationCloses", { time: at(event.registrationClosesAt) })}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      <EventCalendarActions eventId={event.id} follow={follow} />
      {/* Registration: seats, waitlist and the viewer's place — the registration panel (one per occurrence). */}
      {event.occurrences.length > 1 ? (
        <SeriesDates
          eventId={event.id}
          timeZone={event.timeZone}
          occurrences={event.occurrences}
          registrations={registrations}
          manage={manage}
        />
      ) : (
        registrations.map((view) => (
          <RegistrationPanel key={view.occurrenceId} eventId={event.id} view={view} />
        ))
      )}
      <MarkdownView html={event.html} className="mt-8" />
      <section aria-labelledby="event-agenda" className="mt-10">
        <h2 id="event-agenda" className="text-xl font-semibold text-slate-900">
          {t("event.page.agenda")}
        </h2>
        {event.agenda.length === 0 || !occurrence ? (
          <p className="mt-2 text-slate-600">{t("event.page.agendaEmpty")}</p>
        ) : (
          <ol
            className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200"
            data-testid="agenda"
          >
            {event.agenda.map((item, index) => (
              <li key={index} className="flex flex-wrap gap-x-4 px-4 py-3">
                <span className="w-40 whitespace-nowrap font-mono text-sm text-slate-600">
                  {t("event.page.agendaTime", {
                    start: clock(item.offsetMinutes),
                    end: clock(item.offsetMinutes + item.durationMinutes),
                  })}
                </span>
                <span className="flex-1 text-slate-900">{item.title}</span>
                {item.speakerName ? (
                  <span className="text-sm text-slate-600">
                    {item.speakerName}
                    <span className="ml-1.5 rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800">
                      {t("event.agenda.member")}
                    </span>
                  </span>
                ) : (
                  item.guestName && <span className="text-sm text-slate-600">{item.guestName}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      {event.problems.length > 0 && (
        <section aria-labelledby="event-problems" className="mt-10">
          <h2 id="event-problems" className="text-xl font-semibold text-slate-900">
            {t("event.page.problems")}
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {event.problems.map((problem) => (
              <li key={problem.id}>
                <Link to={`/problems/${problem.id}`} className="text-teal-700 underline">
                  {problem.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <EventAfter eventId={event.id} timeZone={event.timeZone} after={afterEvent} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
