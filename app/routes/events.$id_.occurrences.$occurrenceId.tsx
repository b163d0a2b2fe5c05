import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form/field";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { Clash } from "~/models/event-clash.server";
import { occurrenceAccess } from "~/models/event-access.server";
import { getOccurrenceRoom, updateOccurrence } from "~/models/event-occurrences.server";
import { requireEventManager } from "~/utils/event-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { utcToZoned } from "~/utils/zoned-time";
import { occurrenceSchema } from "~/validation/event-occurrence";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eventSeries.occurrence.title");

/** One date of an event, for its managers: 404 when the date is not the event's (or the id is malformed). */
async function requireOccurrence(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { user, event } = await requireEventManager(args);
  const occurrence = await occurrenceAccess(args.context.services.db, user, args.params.occurrenceId ?? "");
  invariantResponse(
    occurrence && occurrence.event.id === event.id,
    404,
    "eventSeries.error.occurrenceNotFound",
  );
  return { user, event, occurrence };
}

export async function loader(args: LoaderFunctionArgs) {
  const { event, occurrence } = await requireOccurrence(args);
  const room = await getOccurrenceRoom(args.context.services.db, occurrence.id);
  return {
    eventId: event.id,
    title: event.title,
    timeZone: event.timeZone,
    cancelled: occurrence.status === "cancelled",
    defaults: {
      startsAt: utcToZoned(occurrence.startsAt, event.timeZone),
      endsAt: utcToZoned(occurrence.endsAt, event.timeZone),
      venueRoom: room ?? "",
    },
  };
}

type Reply = { result: SubmissionResult<string[]>; clash: Clash | null };

export async function action(args: ActionFunctionArgs) {
  const { user, event, occurrence } = await requireOccurrence(args);
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: occurrenceSchema(event.timeZone) });
  if (submission.status !== "success")
    return data<Reply>({ result: submission.reply(), clash: null }, { status: 400 });
  const saved = await updateOccurrence(args.context.services, user, event, occurrence.id, submission.value);
  invariantResponse(saved.status !== "missing", 404, "eventSeries.error.occurrenceNotFound");
  if (saved.status === "cancelled")
    return data<Reply>(
      { result: submission.reply({ formErrors: ["eventSeries.error.occurrenceCancelled"] }), clash: null },
      { status: 400 },
    );
  if (saved.status === "invalid")
    return data<Reply>(
      {
        result: submission.reply({ fieldErrors: saved.fieldErrors as Record<string, string[]> }),
        clash: saved.clash ?? null,
      },
      { status: 400 },
    );
  return redirect(`/events/${event.id}`, { status: 303 });
}

export default function EditOccurrence() {
  const { eventId, title, timeZone, cancelled, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pending = useIsPending();
  const [form, fields] = useForm({
    id: "event-occurrence",
    lastResult: actionData?.result,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
  });
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">
        {t("eventSeries.occurrence.title")}
      </h1>
      <p className="mt-2 text-slate-900">{title}</p>
      <p className="mt-2 text-slate-600">{t("eventSeries.occurrence.lead")}</p>
      {cancelled && (
        <p role="status" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          {t("eventSeries.error.occurrenceCancelled")}
        </p>
      )}
      <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            label={t("event.field.startsAt")}
            hint={timeZone}
            inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })}
            meta={fields.startsAt}
          />
          <Field
            label={t("event.field.endsAt")}
            inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })}
            meta={fields.endsAt}
          />
        </div>
        <div>
          <Field
            label={t("eventSeries.occurrence.room")}
            inputProps={getInputProps(fields.venueRoom, { type: "text" })}
            meta={fields.venueRoom}
          />
          {actionData?.clash && (
            <p className="mt-1 text-sm" data-testid="venue-clash">
              <Link
                to={`/events/${actionData.clash.id}`}
                className="text-teal-700 underline hover:text-teal-900"
              >
                {t("event.clash.link", { title: actionData.clash.title })}
              </Link>
            </p>
          )}
        </div>
        <div className="flex items-center gap-4">
          <SubmitButton pending={pending}>{t("eventSeries.occurrence.submit")}</SubmitButton>
          <Link to={`/events/${eventId}`} className="text-sm text-teal-700 underline hover:text-teal-900">
            {t("eventSeries.occurrence.back")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
