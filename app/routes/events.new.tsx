import { parseWithZod } from "@conform-to/zod";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/event/event-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listCohostChoices, listHostChoices } from "~/models/event-host-choices.server";
import { createEvent } from "~/models/events.server";
import { refuseEventForm } from "~/utils/event-form-reply.server";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { DEFAULT_TIME_ZONE, eventCreateSchema, type EventInput } from "~/validation/event";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "event.new.title");

/**
 * Organizers of some alliance schedule events for it; `?alliance=<slug>` preselects the host and must
 * name one they organize (403 otherwise, as for anyone who organizes none). Visitors log in first.
 */
async function requireOrganizer(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  const hosts = await listHostChoices(args.context.services.db, user);
  invariantResponse(hosts.length > 0, 403, "event.forbidden");
  return { user, hosts };
}

export async function loader(args: LoaderFunctionArgs) {
  const { hosts } = await requireOrganizer(args);
  const slug = new URL(args.request.url).searchParams.get("alliance");
  const chosen = slug ? hosts.find((host) => host.slug === slug) : hosts[0];
  invariantResponse(chosen, 403, "event.forbidden");
  const cohosts = await listCohostChoices(args.context.services.db);
  return { hosts, cohosts, hostId: chosen.id };
}

export async function action(args: ActionFunctionArgs) {
  const { user } = await requireOrganizer(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: eventCreateSchema });
  if (submission.status !== "success") return refuseEventForm(submission);
  const saved = await createEvent(args.context.services, user, submission.value as EventInput);
  if (saved.status === "invalid") return refuseEventForm(submission, saved);
  return redirect(`/events/${saved.id}`, { status: 303 });
}

export default function NewEvent() {
  const { hosts, cohosts, hostId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("event.new.title")}</h1>
      <p className="mt-2 text-slate-600">{t("event.new.lead")}</p>
      <EventForm
        mode="create"
        hosts={hosts}
        cohosts={cohosts}
        lastResult={actionData?.result}
        clash={actionData?.clash}
        overlaps={actionData?.overlaps}
        defaultValue={{
          type: "seminar",
          allianceId: hostId,
          timeZone: DEFAULT_TIME_ZONE,
          visibility: "public",
          status: "published",
        }}
        cancelTo="/events"
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
