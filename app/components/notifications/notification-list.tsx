import { Form } from "@remix-run/react";
import { focusRing } from "~/components/layout/nav-items";
import { useLocale, useT } from "~/i18n/use-t";
import type { NotificationView } from "~/models/notifications.server";
import { absoluteTime, relativeTime } from "./format-time";
import { describeNotification } from "./notification-text";

/**
 * A page of notifications, newest first. Each one is a small form: following it posts
 * `intent=read`, and the action marks it read and redirects to where it leads, with or without
 * JavaScript.
 */
export function NotificationList({ items, now }: { items: NotificationView[]; now: Date }) {
  const t = useT();
  if (items.length === 0) return <p className="mt-8 text-slate-600">{t("notification.empty")}</p>;
  return (
    <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {items.map((item) => (
        <NotificationItem key={item.id} item={item} now={now} />
      ))}
    </ul>
  );
}

function NotificationItem({ item, now }: { item: NotificationView; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const { sentence, reason } = describeNotification(t, locale, item);
  const created = new Date(item.createdAt);
  const body = (
    <span className="flex items-start gap-2">
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-teal-600"}`}
      />
      <span className="min-w-0 flex-1">
        {!item.read && (
          <span className="mr-2 rounded bg-teal-100 px-1.5 py-0.5 text-xs font-semibold text-teal-800">
            {t("notification.unread")}
          </span>
        )}
        <span className={item.read ? "text-slate-700" : "font-semibold text-slate-900"}>{sentence}</span>
        {reason && <span className="mt-1 block text-sm text-slate-600">{reason}</span>}
        <time
          dateTime={item.createdAt}
          title={absoluteTime(locale, created)}
          className="mt-1 block text-xs text-slate-500"
        >
          {relativeTime(locale, created, now, t("notification.justNow"))}
        </time>
      </span>
    </span>
  );
  return (
    <li data-notification={item.id} data-read={item.read} className={item.read ? "" : "bg-teal-50/70"}>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="read" />
        <input type="hidden" name="id" value={item.id} />
        {item.href ? (
          <>
            <input type="hidden" name="href" value={item.href} />
            <button
              type="submit"
              className={`block w-full px-4 py-3 text-left hover:bg-slate-50 ${focusRing}`}
            >
              {body}
            </button>
          </>
        ) : (
          <div className="flex items-start gap-4 px-4 py-3">
            <div className="flex-1">{body}</div>
            {!item.read && (
              <button
                type="submit"
                className={`shrink-0 rounded-md px-2 py-1 text-sm text-teal-700 hover:bg-teal-100 ${focusRing}`}
              >
                {t("notification.markRead")}
              </button>
            )}
          </div>
        )}
      </Form>
    </li>
  );
}
