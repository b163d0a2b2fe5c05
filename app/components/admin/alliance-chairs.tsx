import { Form, Link, useNavigation } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { controlClass, labelClass } from "~/components/form/styles";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { AdminAllianceRow, ChairCandidate } from "~/models/admin-alliances.server";
import { SUSPENSION_REASON_MAX } from "~/validation/admin";

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

function usePending(intent: string, userId: string, allianceId: string) {
  const navigation = useNavigation();
  const form = navigation.formData;
  return (
    navigation.state === "submitting" &&
    form?.get("intent") === intent &&
    form.get("userId") === userId &&
    form.get("allianceId") === allianceId
  );
}

/** Every alliance with its leaders; `appointHref` opens the panel that picks a new chair. */
export function AllianceChairList({
  alliances,
  appointHref,
}: {
  alliances: AdminAllianceRow[];
  appointHref: (slug: string) => string;
}) {
  const t = useT();
  if (alliances.length === 0)
    return <p className="mt-6 text-sm text-slate-500">{t("adminTools.alliances.none")}</p>;
  return (
    <ul aria-label={t("adminTools.alliances.listLabel")} className="mt-6 space-y-4">
      {alliances.map((alliance) => (
        <AllianceCard key={alliance.id} alliance={alliance} appointHref={appointHref(alliance.slug)} />
      ))}
    </ul>
  );
}

function AllianceCard({ alliance, appointHref }: { alliance: AdminAllianceRow; appointHref: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li data-alliance={alliance.slug} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="text-base font-semibold text-slate-900">
          {pick(locale, alliance.nameZh, alliance.nameEn)}
        </h3>
        {alliance.archived && (
          <span className={`${badge} bg-slate-100 text-slate-700`}>{t("adminTools.alliances.archived")}</span>
        )}
        <span className="text-slate-500">
          {t("adminTools.alliances.members", { count: alliance.members })}
        </span>
        <span className="ml-auto flex gap-4">
          <Link to={`/alliances/${alliance.slug}`} className="font-medium text-teal-800 underline">
            {t("adminTools.alliances.open")}
          </Link>
          <Link to={appointHref} className="font-medium text-teal-800 underline">
            {t("adminTools.alliances.appoint")}
          </Link>
        </span>
      </div>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-700">{t("adminTools.alliances.chairs")}</dt>
          <dd className="mt-1">
            {alliance.chairs.length === 0 ? (
              <span className="text-slate-500">{t("adminTools.alliances.nobody")}</span>
            ) : (
              <ul className="space-y-1">
                {alliance.chairs.map((chair) => (
                  <li key={chair.userId} className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-900">{chair.displayName}</span>
                    <StepDownForm allianceId={alliance.id} person={chair} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">{t("adminTools.alliances.organizers")}</dt>
          <dd className="mt-1 text-slate-900">
            {alliance.organizers.length === 0 ? (
              <span className="text-slate-500">{t("adminTools.alliances.nobody")}</span>
            ) : (
              alliance.organizers.map((person) => person.displayName).join("、")
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function StepDownForm({
  allianceId,
  person,
}: {
  allianceId: string;
  person: { userId: string; displayName: string };
}) {
  const t = useT();
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="stepDown" />
      <input type="hidden" name="allianceId" value={allianceId} />
      <input type="hidden" name="userId" value={person.userId} />
      <button
        type="submit"
        aria-busy={usePending("stepDown", person.userId, allianceId) || undefined}
        aria-label={t("adminTools.alliances.stepDownLabel", { name: person.displayName })}
        className="text-xs font-medium text-slate-600 underline hover:text-slate-900"
      >
        {t("adminTools.alliances.stepDown")}
      </button>
    </Form>
  );
}

/** The members of one alliance who could become its chair, found by name or email. */
export function ChairCandidates({
  alliance,
  q,
  candidates,
  more,
  closeHref,
}: {
  alliance: { id: string; slug: string; nameZh: string; nameEn: string };
  q: string;
  candidates: ChairCandidate[];
  more: boolean;
  closeHref: string;
}) {
  const t = useT();
  const locale = useLocale();
  const name = pick(locale, alliance.nameZh, alliance.nameEn);
  return (
    <section
      id="appoint-panel"
      aria-labelledby="appoint-heading"
      className="mt-6 rounded-lg border border-teal-200 bg-teal-50/40 p-4 text-sm"
    >
      <div className="flex items-center gap-3">
        <h3 id="appoint-heading" className="text-base font-semibold text-slate-900">
          {t("adminTools.alliances.appointHeading", { alliance: name })}
        </h3>
        <Link to={closeHref} className="ml-auto text-teal-800 underline">
          {t("adminTools.alliances.close")}
        </Link>
      </div>
      <Form method="get" role="search" className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="appoint" value={alliance.slug} />
        <div className="min-w-48 flex-1">
          <label htmlFor="appoint-q" className={labelClass}>
            {t("adminTools.alliances.candidateSearch")}
          </label>
          <input
            id="appoint-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            className={controlClass}
          />
        </div>
        <SubmitButton variant="secondary">{t("adminTools.alliances.candidateSubmit")}</SubmitButton>
      </Form>
      {candidates.length === 0 ? (
        <p className="mt-4 text-slate-600">{t("adminTools.alliances.candidatesNone")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {candidates.map((candidate) => (
            <CandidateRow key={candidate.userId} allianceId={alliance.id} candidate={candidate} />
          ))}
        </ul>
      )}
      {more && (
        <p className="mt-2 text-slate-600">
          {t("adminTools.alliances.candidatesMore", { count: candidates.length })}
        </p>
      )}
    </section>
  );
}

function CandidateRow({ allianceId, candidate }: { allianceId: string; candidate: ChairCandidate }) {
  const t = useT();
  const reasonId = `appoint-reason-${candidate.userId}`;
  return (
    <li className="flex flex-wrap items-end gap-3 px-3 py-3">
      <div className="min-w-48 flex-1">
        <p className="font-medium text-slate-900">
          {candidate.displayName}{" "}
          <span className="font-normal text-slate-500">· {t(`membership.role.${candidate.role}`)}</span>
        </p>
        <p className="break-all text-slate-600">{candidate.email}</p>
      </div>
      <Form method="post" preventScrollReset className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="appoint" />
        <input type="hidden" name="allianceId" value={allianceId} />
        <input type="hidden" name="userId" value={candidate.userId} />
        <div>
          <label htmlFor={reasonId} className="text-xs text-slate-600">
            {t("adminTools.alliances.reason")}
          </label>
          <input
            id={reasonId}
            name="reason"
            maxLength={SUSPENSION_REASON_MAX}
            className={`${controlClass} mt-0.5`}
          />
        </div>
        <SubmitButton
          pending={usePending("appoint", candidate.userId, allianceId)}
          aria-label={t("adminTools.alliances.appointLabel", { name: candidate.displayName })}
        >
          {t("adminTools.alliances.appointSubmit")}
        </SubmitButton>
      </Form>
    </li>
  );
}
