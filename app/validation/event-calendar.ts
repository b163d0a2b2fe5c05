import { isDay } from "~/utils/calendar-grid";
import { eventTypes, type EventType } from "./event";

/** The calendar's state, all of it in the URL so a view can be shared: unknown values fall back to defaults. */

export const calendarViews = ["month", "week", "list"] as const;
export const calendarScopes = ["all", "alliances", "registered"] as const;
export type CalendarView = (typeof calendarViews)[number];
export type CalendarScope = (typeof calendarScopes)[number];

export type CalendarQuery = {
  view: CalendarView;
  /** A day inside the period shown; null is today in the viewer's zone. */
  date: string | null;
  scope: CalendarScope;
  alliance: string | null;
  type: EventType | null;
};

const SLUG = /^[a-z0-9-]{1,100}$/;

export function parseCalendarQuery(params: URLSearchParams): CalendarQuery {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
    values.includes(value as T) ? (value as T) : fallback;
  return {
    view: oneOf(calendarViews, text("view"), "month"),
    date: isDay(text("date")) ? text("date") : null,
    scope: oneOf(calendarScopes, text("scope"), "all"),
    alliance: SLUG.test(text("alliance")) ? text("alliance") : null,
    type: eventTypes.includes(text("type") as EventType) ? (text("type") as EventType) : null,
  };
}

/** A calendar URL with some of the state changed; defaults are left out, so links stay short. */
export function calendarHref(query: CalendarQuery, change: Partial<CalendarQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.view !== "month") params.set("view", next.view);
  if (next.date) params.set("date", next.date);
  if (next.scope !== "all") params.set("scope", next.scope);
  if (next.alliance) params.set("alliance", next.alliance);
  if (next.type) params.set("type", next.type);
  const text = params.toString();
  return text ? `/calendar?${text}` : "/calendar";
}
