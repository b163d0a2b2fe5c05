import { useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import type { RegistrationView } from "~/models/event-registration-view.server";
import type { RegistrationReply } from "~/routes/events.$id.registration";

/** One fetcher per occurrence: the button and whoever shows its errors share it by this key. */
export const registrationKey = (occurrenceId: string) => `registration-${occurrenceId}`;

/**
 * Register, join the waitlist, cancel or leave the waitlist for one occurrence — whichever applies;
 * nothing while registration is not open (and, for people registered, once it has started).
 */
export function RegistrationButton({
  eventId,
  view,
  className,
}: {
  eventId: string;
  view: RegistrationView;
  className?: string;
}) {
  const t = useT();
  const fetcher = useFetcher<RegistrationReply>({ key: registrationKey(view.occurrenceId) });
  const mine = view.mine;
  const full = view.seatsLeft !== null && view.seatsLeft <= 0;
  if (!view.canRegister || !(mine ? view.state !== "started" : view.state === "open")) return null;
  return (
    <fetcher.Form
      method="post"
      action={`/events/${eventId}/registration`}
      preventScrollReset
      className={className}
    >
      <input type="hidden" name="occurrenceId" value={view.occurrenceId} />
      <SubmitButton
        name="intent"
        value={mine ? "cancel" : "register"}
        variant={mine ? "secondary" : "primary"}
        pending={fetcher.state !== "idle"}
      >
        {mine
          ? t(mine.status === "confirmed" ? "eventRegistration.cancel" : "eventRegistration.leaveWaitlist")
          : t(full ? "eventRegistration.joinWaitlist" : "eventRegistration.register")}
      </SubmitButton>
    </fetcher.Form>
  );
}
