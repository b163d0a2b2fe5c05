import { Form } from "@remix-run/react";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { EndorserOrganization } from "~/models/problem-engagement.server";

type Props = {
  count: number;
  organizations: EndorserOrganization[];
  /** Null: the viewer may not endorse (a visitor, or the problem's author). */
  viewerEndorsed: boolean | null;
};

/** "We have this too": how many members share the problem, from which organizations, and the toggle. */
export function Endorsements({ count, organizations, viewerEndorsed }: Props) {
  const t = useT();
  const locale = useLocale();
  const intent = viewerEndorsed ? "withdraw" : "endorse";
  const pending = useIsPending({ intent });
  return (
    <section aria-labelledby="endorsements" className="mt-8 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="endorsements" className="text-lg font-semibold text-slate-900">
        {t("problem.endorse.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="endorsement-count">
        {t("problem.endorse.count", { count })}
      </p>
      {organizations.length > 0 && (
        <div className="mt-3">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("problem.endorse.organizations")}
          </h3>
          <ul className="mt-1 flex flex-wrap gap-1.5">
            {organizations.map((org) => (
              <li key={org.id} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                {pick(locale, org.nameZh, org.nameEn)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {viewerEndorsed !== null && (
        <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
          {viewerEndorsed && <span className="text-sm text-teal-800">{t("problem.endorse.done")}</span>}
          <SubmitButton
            name="intent"
            value={intent}
            pending={pending}
            variant={viewerEndorsed ? "secondary" : "primary"}
          >
            {t(viewerEndorsed ? "problem.endorse.withdraw" : "problem.endorse.action")}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}
