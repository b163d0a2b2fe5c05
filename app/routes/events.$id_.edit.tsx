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
import { getEventForm } from "~/models/event-form.server";
import { listCohostChoices } from "~/models/event-host-choices.server";
import { updateEvent } from "~/models/events.server";
import { requireEventManager } from "~/utils/event-guard.server";
import { refuseEventForm } from "~/utils/event-form-reply.server";
import { invariantResponse } from "~/utils/invariant";
import { eventEditSchema } from "~/validation/event";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "event.edit.title");

/** Editing an event with the scheduling form (the host stays); organizers of the host alliance only. */
export async function loader(args: LoaderFunctionArgs) {
  const { event } = await requireEventManager(args);
  const { db } = args.context.services;
  const [defaults, cohosts] = await Promise.all([getEventForm(db, event.id), listCohostChoices(db)]);
  invariantResponse(defaults, 404, "event.notFound");
  return { id: event.id, defaults, cohosts: cohosts.filter((choice) => choice.id !== event.allianceId) };
}

export async function action(args: ActionFunctionArgs) {
  const { user, event } = await requireEventManager(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: eventEditSchema });
  if (submission.status !== "success") return refuseEventForm(submission);
  const saved = await updateEvent(args.context.services, user, event, submission.value);
  if (saved.status === "invalid") return refuseEventForm(submission, saved);
  return redirect(`/events/${event.id}`, { status: 303 });
}

export default function EditEvent() {
  const { id, defaults, cohosts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("event.edit.title")}</h1>
      <p className="mt-2 text-slate-600">{t("event.edit.lead")}</p>
      <EventForm
        mode="edit"
        hosts={[]}
        cohosts={cohosts}
        lastResult={actionData?.result}
        clash={actionData?.clash}
        overlaps={actionData?.overlaps}
        defaultValue={defaults}
        cancelTo={`/events/${id}`}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
