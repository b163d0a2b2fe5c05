import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { eventAccess } from "~/models/event-access.server";
import { registerForAll } from "~/models/event-series.server";
import { cancelOccurrence } from "~/models/event-occurrences.server";
import { requireEventManager } from "~/utils/event-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";

/**
 * The series' own actions, from the event page's list of dates: register for every coming date
 * (`event.register`), and cancel one date (`event.manage`). Action only; replies are json() Responses.
 * A visitor is sent to log in; an event or date the viewer cannot see is 404.
 */

export type SeriesReply =
  | { ok: true; intent: "registerAll"; confirmed: number; waitlisted: number }
  | { ok: true; intent: "cancelOccurrence" }
  | { ok: false; error: MessageKey };

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const { services } = args.context;
  if (intent === "cancelOccurrence") {
    const { user, event } = await requireEventManager(args);
    const occurrenceId = formData.get("occurrenceId");
    const result =
      typeof occurrenceId === "string"
        ? await cancelOccurrence(services, user, event, occurrenceId)
        : { status: "missing" as const };
    invariantResponse(result.status === "saved", 404, "eventSeries.error.occurrenceNotFound");
    return json<SeriesReply>({ ok: true, intent });
  }
  invariantResponse(intent === "registerAll", 400, "eventSeries.error.intentUnknown");
  const eventId = args.params.id ?? "";
  const { user } = await getOptionalUser(args);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/events/${encodeURIComponent(eventId)}` })}`);
  }
  const event = await eventAccess(services.db, user, eventId);
  invariantResponse(event, 404, "event.notFound");
  invariantResponse(can(user, "event.register"), 403, "eventRegistration.error.forbidden");
  const outcome = await registerForAll(services, event, user);
  return json<SeriesReply>({ ok: true, intent, ...outcome });
}
