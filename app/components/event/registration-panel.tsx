import { RegistrationButton, registrationKey } from "./registration-button";
import { Link, useFetcher } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { RegistrationView } from "~/models/event-registration-view.server";
import type { RegistrationReply } from "~/routes/events.$id.registration";

type Props = {
  eventId: string;
  /** One occurrence's seats and the viewer's place, from getRegistrationView. */
  view: RegistrationView;
};

/**
 * Seats left, the viewer's registration (with check-in code) or waitlist position, and the button to
 * register or cancel. The page keeps it live (useEventLive).
 */
export function RegistrationPanel({ eventId, view }: Props) {
  const t = useT();
  const fetcher = useFetcher<RegistrationReply>({ key: registrationKey(view.occurrenceId) });
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  const { mine } = view;
  return (
    <section
      aria-labelledby={`registration-${view.occurrenceId}`}
      className="mt-6 rounded-xl border border-slate-200 bg-white p-4"
      data-occurrence={view.occurrenceId}
    >
      <h2 id={`registration-${view.occurrenceId}`} className="text-base font-semibold text-slate-900">
        {t("eventRegistration.heading")}
      </h2>
      {/* Once it has started, seats left mean nothing any more. */}
      {view.state !== "started" && (
        <p className="mt-1 text-sm text-slate-700" data-testid="seats">
          {view.capacity === null
            ? t("eventRegistration.unlimited")
            : t("eventRegistration.seatsLeft", { left: view.seatsLeft ?? 0, capacity: view.capacity })}
          {view.waitlisted > 0 && (
            <span className="ml-2 text-slate-500">
              {t("eventRegistration.waitlistLength", { count: view.waitlisted })}
            </span>
          )}
        </p>
      )}
      {mine?.status === "confirmed" && (
        <div
          className="mt-3 rounded-md bg-teal-50 p-3 text-sm text-teal-900"
          data-testid="registration-state"
        >
          <p>{t("eventRegistration.confirmed")}</p>
          <p className="mt-1">
            {t("eventRegistration.codeLabel")}
            <span
              className="ml-2 font-mono text-base font-semibold tracking-widest"
              data-testid="check-in-code"
            >
              {mine.code}
            </span>
          </p>
          <p className="mt-1 text-xs">{t("eventRegistration.codeHint")}</p>
        </div>
      )}
      {mine?.status === "waitlisted" && (
        <div
          className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="registration-state"
        >
          <p>{t("eventRegistration.waitlisted", { position: mine.position })}</p>
          <p className="mt-1 text-xs">{t("eventRegistration.waitlistNote")}</p>
        </div>
      )}
      {!mine && view.state !== "open" && (
        <p className="mt-3 text-sm text-slate-600" data-testid="registration-state">
          {t(`eventRegistration.state.${view.state}`)}
        </p>
      )}
      {!view.canRegister && view.state === "open" && (
        <Link
          to={`/login?${new URLSearchParams({ redirectTo: `/events/${eventId}` })}`}
          className="mt-3 inline-block text-sm font-semibold text-teal-700 underline hover:text-teal-900"
        >
          {t("eventRegistration.loginToRegister")}
        </Link>
      )}
      <RegistrationButton eventId={eventId} view={view} className="mt-3" />
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t(error)}
        </p>
      )}
    </section>
  );
}
