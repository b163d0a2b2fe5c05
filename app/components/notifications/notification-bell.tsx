import { Link } from "@remix-run/react";
import { useState } from "react";
import { focusRing } from "~/components/layout/nav-items";
import { useT } from "~/i18n/use-t";
import { useLive } from "~/realtime/use-live";

export type BellState = { topic: string; unread: number; after: number };

/** Badges stop growing here: the exact number matters less than "many". */
const BADGE_MAX = 99;

/**
 * The header's link to /notifications with the unread count. The count comes with every page (root
 * loader) and rises live as notifications arrive on the user's topic; reading them on the
 * notifications page revalidates the root loader, which brings it down again, and reading a channel
 * takes off the notifications that reading marked read.
 */
export function NotificationBell({ topic, unread, after }: BellState) {
  const t = useT();
  const [seen, setSeen] = useState({ unread, after, count: unread });
  // A fresh count from the server replaces what was added live since the previous one.
  if (seen.unread !== unread || seen.after !== after) setSeen({ unread, after, count: unread });
  useLive(topic, after, (activity) => {
    if (activity.type === "notification") setSeen((s) => ({ ...s, count: s.count + 1 }));
    // Reading a channel (in any tab) also reads its "new messages" notifications.
    const read = Number(activity.payload.notificationsRead ?? 0);
    if (activity.type === "channel.read" && read > 0)
      setSeen((s) => ({ ...s, count: Math.max(0, s.count - read) }));
  });
  const count = seen.count;
  const label = count > 0 ? t("notification.bellUnread", { count }) : t("notification.bell");
  return (
    <Link
      to="/notifications"
      aria-label={label}
      title={label}
      data-unread={count}
      className={`relative inline-flex items-center rounded-md p-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900 ${focusRing}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        className="size-5"
      >
        <path d="M10 2.75a5 5 0 0 0-5 5v2.6l-1.3 2.6a.6.6 0 0 0 .54.87h11.52a.6.6 0 0 0 .54-.87L15 10.35v-2.6a5 5 0 0 0-5-5Z" />
        <path d="M8 15.5a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-bold leading-5 text-white"
        >
          {count > BADGE_MAX ? `${BADGE_MAX}+` : count}
        </span>
      )}
    </Link>
  );
}
