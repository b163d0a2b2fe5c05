import type { Locale } from "./locales";
import { admin } from "./messages/admin";
import { adminTools } from "./messages/admin-tools";
import { alliance } from "./messages/alliance";
import { allianceAdmin } from "./messages/alliance-admin";
import { attachment } from "./messages/attachment";
import { auth } from "./messages/auth";
import { calendarFeed } from "./messages/calendar-feed";
import { chain } from "./messages/chain";
import { channel } from "./messages/channel";
import { channelAdmin } from "./messages/channel-admin";
import { channelMessage } from "./messages/channel-message";
import { common } from "./messages/common";
import { errors } from "./messages/errors";
import { event } from "./messages/event";
import { eventAfter } from "./messages/event-after";
import { eventCalendar } from "./messages/event-calendar";
import { eventCheckIn } from "./messages/event-check-in";
import { eventRegistration } from "./messages/event-registration";
import { eventReminders } from "./messages/event-reminders";
import { eventSeries } from "./messages/event-series";
import { home } from "./messages/home";
import { inquiry } from "./messages/inquiry";
import { insights } from "./messages/insights";
import { insightsPeriod } from "./messages/insights-period";
import { insightsReport } from "./messages/insights-report";
import { invitation } from "./messages/invitation";
import { markdown } from "./messages/markdown";
import { matching } from "./messages/matching";
import { membership } from "./messages/membership";
import { nav } from "./messages/nav";
import { notification } from "./messages/notification";
import { notificationPrefs } from "./messages/notification-prefs";
import { org } from "./messages/org";
import { presence } from "./messages/presence";
import { problem } from "./messages/problem";
import { problemCare } from "./messages/problem-care";
import { problemWork } from "./messages/problem-work";
import { reportQueue } from "./messages/report-queue";
import { resource } from "./messages/resource";
import { resourceCatalogue } from "./messages/resource-catalogue";

/** Every namespace of messages; a key is "<namespace>.<key>", e.g. "error.404". */
const namespaces = {
  admin,
  adminTools,
  alliance,
  allianceAdmin,
  attachment,
  auth,
  calendarFeed,
  chain,
  channel,
  channelAdmin,
  channelMessage,
  common,
  error: errors,
  event,
  eventAfter,
  eventCalendar,
  eventCheckIn,
  eventRegistration,
  eventReminders,
  eventSeries,
  home,
  inquiry,
  insights,
  insightsPeriod,
  insightsReport,
  invitation,
  markdown,
  matching,
  membership,
  nav,
  notification,
  notificationPrefs,
  org,
  presence,
  problem,
  problemCare,
  problemWork,
  reportQueue,
  resource,
  resourceCatalogue,
};

type Namespaces = typeof namespaces;
export type MessageKey = {
  [N in keyof Namespaces]: `${N & string}.${keyof Namespaces[N]["zh-CN"] & string}`;
}[keyof Namespaces];

function flatten(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [ns, messages] of Object.entries(namespaces)) {
    for (const [key, text] of Object.entries(messages[locale] as Record<string, string>))
      out[`${ns}.${key}`] = text;
  }
  return out;
}

export const dictionaries: Record<Locale, Record<string, string>> = {
  "zh-CN": flatten("zh-CN"),
  en: flatten("en"),
};
