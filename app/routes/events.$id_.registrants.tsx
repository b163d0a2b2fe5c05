import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { CheckInCodeForm } from "~/components/event/check-in-code-form";
import { RegistrantTable } from "~/components/event/registrant-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { controlClass, labelClass } from "~/components/form/styles";
import { metaTranslator } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { eventAccess } from "~/models/event-access.server";
import { attendanceByOccurrence, type Attendance } from "~/models/event-attendance.server";
import { checkIn, undoCheckIn, type CheckInError } from "~/models/event-check-in.server";
import { listRegistrants } from "~/models/event-registrants.server";
import { eventTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import { invariantResponse } from "~/utils/invariant";
import { requireUser } from "~/utils/session.server";
import { formatInZone } from "~/utils/zoned-time";
import {
  checkInButtonSchema,
  checkInCodeSchema,
  NAME_SEARCH_MAX,
  registrantQuery,
} from "~/validation/event-check-in";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  const title = data ? t("eventRegistration.registrants.title", { title: data.title }) : t("error.title.404");
  return [{ title: `${title} · ${t("common.appName")}` }];
};

/** The occurrence the list opens on: the next one not yet over, else the last. */
function defaultOccurrence(occurrences: Attendance[], now: Date): Attendance | undefined {
  return occurrences.find((o) => o.status === "scheduled" && new Date(o.endsAt) > now) ?? occurrences.at(-1);
}

/**
 * Who registered for one occurrence, with contact data and check-in codes, searchable by name, and
 * checking people in: organizers of the host alliance only (`event.registrants.view` for the list,
 * `event.manage` to check in). An event the viewer cannot see is 404, as its page would be. The
 * counts follow the event's topic live, so two organizers at two doors see each other's check-ins.
 */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const event = await eventAccess(db, user, args.params.id ?? "");
  invariantResponse(event, 404, "eventRegistration.error.notFound");
  invariantResponse(event.registrants, 403, "eventRegistration.registrants.forbidden");
  const query = registrantQuery(new URL(args.request.url));
  const [occurrences, after] = await Promise.all([
    attendanceByOccurrence(db, event.id),
    latestActivityId(db, eventTopic(event.id)),
  ]);
  const selected =
    occurrences.find((o) => o.occurrenceId === query.occurrenceId) ??
    defaultOccurrence(occurrences, new Date());
  const registrants = selected
    ? await listRegistrants(db, event.id, { occurrenceId: selected.occurrenceId, name: query.name })
    : [];
  return {
    id: event.id,
    title: event.title,
    timeZone: event.timeZone,
    manage: event.manage,
    occurrences,
    selected: selected ?? null,
    name: query.name,
    registrants,
    live: { topic: eventTopic(event.id), after },
  };
}

type ActionData =
  | {
      intent: "code";
      result: SubmissionResult<string[]>;
      done?: string;
      used?: { displayName: string; checkedInAt: Date };
    }
  | { intent: "checkIn" | "undo"; ok: boolean; error?: CheckInError };

const codeError: Record<CheckInError, `eventCheckIn.error.${CheckInError}`> = {
  unknownCode: "eventCheckIn.error.unknownCode",
  alreadyUsed: "eventCheckIn.error.alreadyUsed",
  notConfirmed: "eventCheckIn.error.notConfirmed",
  notFound: "eventCheckIn.error.notFound",
};
const buttonStatus: Record<CheckInError, number> = {
  unknownCode: 404,
  notFound: 404,
  alreadyUsed: 409,
  notConfirmed: 409,
};

/** Check-in by code (the form, with field errors) or by a row's button (checkIn / undo). */
export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { services } = args.context;
  const event = await eventAccess(services.db, user, args.params.id ?? "");
  invariantResponse(event, 404, "eventRegistration.error.notFound");
  invariantResponse(event.manage, 403, "eventCheckIn.error.forbidden");
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  if (intent === "code") {
    const submission = parseWithZod(formData, { schema: checkInCodeSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    const outcome = await checkIn(services, event.id, submission.value);
    if (outcome.ok) {
      return data<ActionData>({
        intent,
        result: submission.reply({ resetForm: true }),
        done: outcome.displayName,
      });
    }
    const used =
      outcome.displayName && outcome.checkedInAt
        ? { displayName: outcome.displayName, checkedInAt: outcome.checkedInAt }
        : undefined;
    return data<ActionData>(
      { intent, result: submission.reply({ fieldErrors: { code: [codeError[outcome.error]] } }), used },
      { status: outcome.error === "alreadyUsed" ? 409 : 400 },
    );
  }
  const submission = parseWithZod(formData, { schema: checkInButtonSchema });
  invariantResponse(submission.status === "success", 400, "eventCheckIn.error.intentUnknown");
  const { registrationId } = submission.value;
  const outcome =
    submission.value.intent === "checkIn"
      ? await checkIn(services, event.id, { registrationId })
      : await undoCheckIn(services, event.id, registrationId);
  return outcome.ok
    ? data<ActionData>({ intent: submission.value.intent, ok: true })
    : data<ActionData>(
        { intent: submission.value.intent, ok: false, error: outcome.error },
        { status: buttonStatus[outcome.error] },
      );
}

export default function EventRegistrants() {
  const { id, title, timeZone, manage, occurrences, selected, name, registrants, live } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  useLive(live.topic, live.after, () => revalidator.revalidate());
  const at = (iso: string) => formatInZone(new Date(iso), { locale, timeZone });
  const label = (o: Attendance) =>
    o.status === "cancelled"
      ? t("eventCheckIn.occurrenceCancelled", { time: at(o.startsAt) })
      : at(o.startsAt);
  const confirmed = registrants.filter((row) => row.status === "confirmed");
  const waitlisted = registrants.filter((row) => row.status === "waitlisted");
  const csv = `/events/${id}/registrants.csv${selected && occurrences.length > 1 ? `?occurrence=${selected.occurrenceId}` : ""}`;
  const codeReply = actionData && actionData.intent === "code" ? actionData : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <Link to={`/events/${id}`} className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("eventRegistration.registrants.back")}
      </Link>
      <h1 className="mt-4 text-3xl font-bold tracking-tight text-slate-900">
        {t("eventRegistration.registrants.title", { title })}
      </h1>
      {selected === null ? (
        <p className="mt-6 text-slate-600">{t("eventRegistration.registrants.empty")}</p>
      ) : (
        <>
          <Form
            method="get"
            role="search"
            className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto]"
          >
            {occurrences.length > 1 ? (
              <div>
                <label htmlFor="occurrence" className={labelClass}>
                  {t("eventCheckIn.occurrence")}
                </label>
                <select
                  id="occurrence"
                  name="occurrence"
                  defaultValue={selected.occurrenceId}
                  className={controlClass}
                >
                  {occurrences.map((o) => (
                    <option key={o.occurrenceId} value={o.occurrenceId}>
                      {label(o)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="occurrence" value={selected.occurrenceId} />
            )}
            <div>
              <label htmlFor="registrant-search" className={labelClass}>
                {t("eventCheckIn.search")}
              </label>
              {/* Keyed by the query: clearing the search (a link) must empty the box too. */}
              <input
                key={name}
                id="registrant-search"
                type="search"
                name="q"
                defaultValue={name}
                maxLength={NAME_SEARCH_MAX}
                className={controlClass}
              />
            </div>
            <div className="flex items-end gap-3">
              <button
                type="submit"
                className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800"
              >
                {t("eventCheckIn.searchSubmit")}
              </button>
              {name && (
                <Link
                  to={`?occurrence=${selected.occurrenceId}`}
                  className="py-2 text-sm text-teal-700 underline hover:text-teal-900"
                >
                  {t("eventCheckIn.searchClear")}
                </Link>
              )}
            </div>
          </Form>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700" data-testid="check-in-counts" aria-live="polite">
              <span className="font-semibold">{label(selected)}</span>
              {" · "}
              {t("eventCheckIn.counts", {
                registered: selected.registered,
                confirmed: selected.confirmed,
                checkedIn: selected.checkedIn,
              })}
            </p>
            <a href={csv} download className="text-sm font-semibold text-teal-700 underline">
              {t("eventCheckIn.export")}
            </a>
          </div>
          {manage && selected.status === "scheduled" && (
            <CheckInCodeForm
              key={selected.occurrenceId}
              occurrenceId={selected.occurrenceId}
              timeZone={timeZone}
              lastResult={codeReply?.result}
              done={codeReply?.done}
              used={codeReply?.used}
            />
          )}
          <section className="mt-6 rounded-xl border border-slate-200 bg-white p-4">
            {registrants.length === 0 && (
              <p className="text-slate-600">
                {name ? t("eventCheckIn.noMatch", { query: name }) : t("eventRegistration.registrants.empty")}
              </p>
            )}
            {confirmed.length > 0 && (
              <>
                <h2 className="text-sm font-semibold text-slate-700">
                  {t("eventRegistration.registrants.confirmed", { count: confirmed.length })}
                </h2>
                <RegistrantTable rows={confirmed} waitlist={false} timeZone={timeZone} manage={manage} />
              </>
            )}
            {waitlisted.length > 0 && (
              <>
                <h2 className="mt-4 text-sm font-semibold text-slate-700">
                  {t("eventRegistration.registrants.waitlisted", { count: waitlisted.length })}
                </h2>
                <RegistrantTable rows={waitlisted} waitlist timeZone={timeZone} manage={manage} />
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
