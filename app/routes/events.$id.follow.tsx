import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { eventAccess } from "~/models/event-access.server";
import { followEvent, unfollowEvent } from "~/models/event-follows.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";

/**
 * Follow or unfollow an event (`event.watch`), so it shows in the follower's calendar feed. Action
 * only: the button lives on the event page. Events the viewer cannot see are 404.
 */
export async function action(args: ActionFunctionArgs) {
  const eventId = args.params.id ?? "";
  const { user } = await getOptionalUser(args);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/events/${encodeURIComponent(eventId)}` })}`);
  }
  const { db } = args.context.services;
  const event = await eventAccess(db, user, eventId);
  invariantResponse(event, 404, "calendarFeed.error.notFound");
  invariantResponse(can(user, "event.watch"), 403, "calendarFeed.error.forbidden");
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  invariantResponse(intent === "follow" || intent === "unfollow", 400, "calendarFeed.error.intentUnknown");
  if (intent === "follow") await followEvent(db, event.id, user.id);
  else await unfollowEvent(db, event.id, user.id);
  return redirect(`/events/${event.id}`, { status: 303 });
}
