import type { MessageKey } from "~/i18n/dictionary";

/**
 * The platform's areas, in the order the header lists them. Only areas that exist are linked: events,
 * resources and search join as their issues land.
 */
export const navItems: readonly { to: string; label: MessageKey }[] = [
  { to: "/alliances", label: "nav.alliances" },
  { to: "/channels", label: "channel.nav" },
  { to: "/problems", label: "nav.problems" },
  { to: "/resources", label: "nav.resources" },
  { to: "/events", label: "nav.events" },
  { to: "/calendar", label: "eventCalendar.nav" },
  { to: "/orgs", label: "org.directory.title" },
  { to: "/chains", label: "nav.chains" },
  { to: "/search", label: "problem.search.title" },
];

export type ShellUser = { id: string; displayName: string; isAdmin: boolean };

/** One focus ring for every control in the shell, visible only for keyboard focus. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600";
