import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { NotificationList } from "~/components/notifications/notification-list";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { listNotifications, markRead, type NotificationView } from "~/models/notifications.server";
import { userTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import { requireUser } from "~/utils/session.server";
import { localPath, notificationActionSchema, parseBefore } from "~/validation/notification";

const PAGE_SIZE = 30;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notification.title");

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const before = parseBefore(new URL(args.request.url).searchParams.get("before"));
  const topic = userTopic(user.id);
  // The cursor first, then the list: a notification committed in between is in the list and also
  // arrives live, which the page drops as a duplicate; the other order could miss it entirely.
  const after = await latestActivityId(db, topic);
  const page = await listNotifications(db, user.id, { before, limit: PAGE_SIZE });
  return {
    items: page.items,
    nextBefore: page.nextBefore,
    firstPage: before === undefined,
    live: { topic, after },
    now: new Date().toISOString(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: notificationActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { db } = args.context.services;
  const value = submission.value;
  if (value.intent === "readAll") {
    await markRead(db, user.id);
    const url = new URL(args.request.url);
    return redirect(url.pathname + url.search, { status: 303 });
  }
  // Another user's id matches none of this user's rows, so it changes nothing.
  await markRead(db, user.id, value.id);
  return redirect(localPath(value.href) ?? "/notifications", { status: 303 });
}

/** A notification as it arrives live on the user's topic (see notify()). */
function fromActivity(payload: Record<string, unknown>, createdAt: string): NotificationView | null {
  const { id, type, data: details, href } = payload;
  if (typeof id !== "number" || typeof type !== "string") return null;
  return {
    id,
    type,
    data: details && typeof details === "object" ? (details as Record<string, unknown>) : {},
    href: typeof href === "string" ? href : null,
    read: false,
    createdAt,
  };
}

export default function Notifications() {
  const { items, nextBefore, firstPage, live, now } = useLoaderData<typeof loader>();
  const t = useT();
  const readingAll = useIsPending({ intent: "readAll" });
  // New notifications join the top of the first page live; a fresh load brings them from the server.
  const [arrived, setArrived] = useState<{ after: number; items: NotificationView[] }>({
    after: live.after,
    items: [],
  });
  if (arrived.after !== live.after) setArrived({ after: live.after, items: [] });
  useLive(firstPage ? live.topic : null, live.after, (activity) => {
    if (activity.type !== "notification") return;
    const item = fromActivity(activity.payload, activity.createdAt);
    if (item) setArrived((s) => ({ ...s, items: [item, ...s.items] }));
  });
  const known = new Set(items.map((item) => item.id));
  const shown = [...arrived.items.filter((item) => !known.has(item.id)), ...items];
  const anyUnread = shown.some((item) => !item.read);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("notification.title")}</h1>
          <p className="mt-2 text-slate-600">{t("notification.lead")}</p>
        </div>
        {anyUnread && (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="readAll" />
            <SubmitButton variant="secondary" pending={readingAll}>
              {t("notification.markAllRead")}
            </SubmitButton>
          </Form>
        )}
      </div>
      <div aria-live="polite">
        <NotificationList items={shown} now={new Date(now)} />
      </div>
      <nav className="mt-6 flex justify-between text-sm">
        {firstPage ? (
          <span />
        ) : (
          <Link to="/notifications" className="text-teal-700 underline hover:text-teal-900">
            {t("notification.newest")}
          </Link>
        )}
        {nextBefore !== null && (
          <Link
            to={`/notifications?before=${nextBefore}`}
            className="text-teal-700 underline hover:text-teal-900"
          >
            {t("notification.older")}
          </Link>
        )}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
