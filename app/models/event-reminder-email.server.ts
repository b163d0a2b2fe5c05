import type { MessageKey } from "~/i18n/dictionary";
import type { Locale } from "~/i18n/locales";
import { translate } from "~/i18n/translate";
import { formatRangeInZone } from "~/utils/zoned-time";
import type { OutgoingEmail } from "./email-outbox.server";

export type ReminderOccurrence = {
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
};

/** The lead time's words ("in 1 hour"); offsets the settings do not offer read as minutes. */
export function leadKey(offsetMinutes: number): MessageKey | null {
  if (offsetMinutes === 1440) return "eventReminders.lead.1440";
  if (offsetMinutes === 60) return "eventReminders.lead.60";
  return null;
}

/**
 * A reminder mail in the recipient's language, with the time in the event's own zone (the zone is
 * named, since the reader may be elsewhere). Only confirmed registrants get one, so the online link,
 * which the policy shows to registered people, may be in it.
 */
export function reminderEmail(input: {
  to: string;
  locale: Locale;
  offsetMinutes: number;
  occurrence: ReminderOccurrence;
  publicUrl: URL;
}): OutgoingEmail {
  const { locale, occurrence } = input;
  const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
  const key = leadKey(input.offsetMinutes);
  const lead = key ? t(key) : `${input.offsetMinutes} min`;
  const time = formatRangeInZone(occurrence.startsAt, occurrence.endsAt, {
    locale,
    timeZone: occurrence.timeZone,
  });
  const place = [occurrence.venueName, occurrence.venueRoom, occurrence.venueAddress]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(", ");
  const link = (path: string) => new URL(path, input.publicUrl).href;
  const lines = [
    t("eventReminders.email.intro", { event: occurrence.title, lead }),
    "",
    t("eventReminders.email.time", { time: `${time} (${occurrence.timeZone})` }),
    ...(place ? [t("eventReminders.email.place", { place })] : []),
    ...(occurrence.onlineUrl ? [t("eventReminders.email.online", { url: occurrence.onlineUrl })] : []),
    t("eventReminders.email.page", { url: link(`/events/${occurrence.eventId}`) }),
    "",
    t("eventReminders.email.settings", { url: link("/settings#settings-reminders") }),
  ];
  return {
    to: input.to,
    subject: t("eventReminders.email.subject", { event: occurrence.title }),
    text: lines.join("\n"),
  };
}
