import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { occurrenceAccess } from "~/models/event-access.server";
import {
  cancelRegistration,
  register,
  type RegistrationError,
  type RegistrationStatus,
} from "~/models/event-registrations.server";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser } from "~/utils/session.server";

/**
 * Register for and cancel one occurrence of an event, from the registration panel's fetchers. Action
 * only; replies are json() Responses, which keep their status under single fetch. A visitor is sent to
 * log in and back to the event's page; an occurrence the viewer cannot see (or of another event) is 404.
 */

export type RegistrationReply =
  { ok: true; status: RegistrationStatus | "cancelled" } | { ok: false; error: MessageKey };

const statusOf: Record<RegistrationError, number> = {
  notPublished: 409,
  cancelled: 409,
  started: 409,
  notOpen: 409,
  closed: 409,
  notRegistered: 409,
};

const refusal = (error: RegistrationError): MessageKey => `eventRegistration.error.${error}`;

export async function action(args: ActionFunctionArgs) {
  const eventId = args.params.id ?? "";
  const { user } = await getOptionalUser(args);
  if (!user) {
    throw redirect(`/login?${new URLSearchParams({ redirectTo: `/events/${encodeURIComponent(eventId)}` })}`);
  }
  invariantResponse(can(user, "event.register"), 403, "eventRegistration.error.forbidden");
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  invariantResponse(
    intent === "register" || intent === "cancel",
    400,
    "eventRegistration.error.intentUnknown",
  );
  const { services } = args.context;
  const occurrenceId = formData.get("occurrenceId");
  const occurrence =
    typeof occurrenceId === "string" ? await occurrenceAccess(services.db, user, occurrenceId) : null;
  invariantResponse(occurrence && occurrence.event.id === eventId, 404, "eventRegistration.error.notFound");
  if (intent === "register") {
    const outcome = await register(services, occurrence, user);
    return outcome.ok
      ? json<RegistrationReply>({ ok: true, status: outcome.status })
      : json<RegistrationReply>(
          { ok: false, error: refusal(outcome.error) },
          { status: statusOf[outcome.error] },
        );
  }
  const outcome = await cancelRegistration(services, occurrence, user);
  return outcome.ok
    ? json<RegistrationReply>({ ok: true, status: "cancelled" })
    : json<RegistrationReply>(
        { ok: false, error: refusal(outcome.error) },
        { status: statusOf[outcome.error] },
      );
}
