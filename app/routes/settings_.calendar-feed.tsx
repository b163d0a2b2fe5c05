import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CalendarFeedSection, type FeedReply } from "~/components/account/calendar-feed-section";
import { pageTitle } from "~/i18n/meta";
import { feedCreatedAt, feedUrls, issueFeedToken, revokeFeed } from "~/models/calendar-feeds.server";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendarFeed.heading");

/**
 * The private calendar feed's own route: the settings page posts here (from a fetcher), and without
 * JavaScript the browser lands on this page, which shows the same section with the new link.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const createdAt = await feedCreatedAt(args.context.services.db, user.id);
  return { createdAt: createdAt?.toISOString() ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { db, config } = args.context.services;
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  invariantResponse(intent === "create" || intent === "revoke", 400, "calendarFeed.error.intentUnknown");
  if (intent === "revoke") {
    await revokeFeed(db, user.id);
    return data<FeedReply>({ revoked: true }, { headers: { "Cache-Control": "no-store" } });
  }
  const token = await issueFeedToken(db, user.id);
  return data<FeedReply>(
    { urls: feedUrls(token, config.publicUrl) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function CalendarFeedPage() {
  const { createdAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-10 sm:px-6">
      <CalendarFeedSection createdAt={createdAt} reply={reply} />
    </div>
  );
}
