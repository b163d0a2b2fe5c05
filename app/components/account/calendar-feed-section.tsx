import { useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { StatusMessage } from "~/components/form/status-message";
import { useLocale, useT } from "~/i18n/use-t";
import { SettingsSection } from "./settings-section";

const FEED_ACTION = "/settings/calendar-feed";

/** What the feed route answers: the new link (shown once), or that it is off. */
export type FeedReply = { urls?: { https: string; webcal: string }; revoked?: boolean };

/**
 * The private calendar feed: make a link, see it once (webcal:// and https), make a new one, turn it
 * off. Posts to its own route; without JavaScript that route shows the same section with the result.
 */
export function CalendarFeedSection({ createdAt, reply }: { createdAt: string | null; reply?: FeedReply }) {
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<FeedReply>({ key: "calendar-feed" });
  const shown = fetcher.data ?? reply;
  const pending = fetcher.state !== "idle";
  const button = (intent: "create" | "revoke", label: string, variant: "primary" | "secondary") => (
    <SubmitButton name="intent" value={intent} variant={variant} pending={pending}>
      {label}
    </SubmitButton>
  );
  return (
    <SettingsSection
      id="settings-calendar-feed"
      title={t("calendarFeed.heading")}
      lead={t("calendarFeed.lead")}
    >
      {shown?.urls ? (
        <div className="space-y-2" data-testid="calendar-feed-urls">
          <StatusMessage>{t("calendarFeed.created")}</StatusMessage>
          <p className="text-sm">
            <a href={shown.urls.webcal} className="font-semibold text-teal-700 underline">
              {t("calendarFeed.webcal")}
            </a>
          </p>
          <label className="block text-sm text-slate-700">
            {t("calendarFeed.https")}
            <input
              readOnly
              value={shown.urls.https}
              onFocus={(event) => event.currentTarget.select()}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              data-testid="calendar-feed-https"
            />
          </label>
        </div>
      ) : shown?.revoked ? (
        <StatusMessage>{t("calendarFeed.revoked")}</StatusMessage>
      ) : (
        <p className="text-sm text-slate-700">
          {createdAt
            ? t("calendarFeed.active", {
                time: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
                  new Date(createdAt),
                ),
              })
            : t("calendarFeed.none")}
        </p>
      )}
      <fetcher.Form method="post" action={FEED_ACTION} className="mt-4 flex flex-wrap gap-3">
        {button("create", t(createdAt ? "calendarFeed.regenerate" : "calendarFeed.create"), "primary")}
        {createdAt && button("revoke", t("calendarFeed.revoke"), "secondary")}
      </fetcher.Form>
    </SettingsSection>
  );
}
