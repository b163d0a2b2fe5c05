import { Form } from "@remix-run/react";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";
import { OrganizationChips } from "./organization-chips";
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
      <OrganizationChips title={t("problem.endorse.organizations")} organizations={organizations} />
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
