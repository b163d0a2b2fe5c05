import { useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";

/**
 * Beside the event's details: the .ics download for everyone who sees the event, and, for signed-in
 * people (`event.watch`), following it so it shows in their calendar feed without registering.
 */
export function EventCalendarActions({
  eventId,
  follow,
}: {
  eventId: string;
  follow: { following: boolean } | null;
}) {
  const t = useT();
  const fetcher = useFetcher({ key: `event-follow-${eventId}` });
  return (
    <div className="mt-6 flex flex-wrap items-center gap-4">
      <a
        href={`/events/${eventId}.ics`}
        download
        className="text-sm font-semibold text-teal-700 underline"
        data-testid="event-ics"
      >
        {t("calendarFeed.download")}
      </a>
      {follow && (
        <fetcher.Form
          method="post"
          action={`/events/${eventId}/follow`}
          preventScrollReset
          className="flex items-center gap-2"
        >
          <SubmitButton
            name="intent"
            value={follow.following ? "unfollow" : "follow"}
            variant="secondary"
            pending={fetcher.state !== "idle"}
            aria-pressed={follow.following}
          >
            {t(follow.following ? "calendarFeed.unfollow" : "calendarFeed.follow")}
          </SubmitButton>
          {follow.following && <span className="text-xs text-slate-500">{t("calendarFeed.following")}</span>}
        </fetcher.Form>
      )}
    </div>
  );
}
