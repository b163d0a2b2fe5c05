import { Form } from "@remix-run/react";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useLocale, useT } from "~/i18n/use-t";
import type { ManagedRepresentative } from "~/models/org-representatives.server";
import { formatDay } from "./format";

/** Every representative with buttons to change their role or remove them. */
export function RepresentativesTable({ representatives }: { representatives: ManagedRepresentative[] }) {
  const t = useT();
  return (
    <section aria-labelledby="org-manage-reps" className="mt-8">
      <h2 id="org-manage-reps" className="text-lg font-semibold text-slate-900">
        {t("org.reps.title")}
      </h2>
      <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {representatives.map((rep) => (
          <Row key={rep.userId} rep={rep} />
        ))}
      </ul>
    </section>
  );
}

function Row({ rep }: { rep: ManagedRepresentative }) {
  const t = useT();
  const locale = useLocale();
  const nextRole = rep.role === "admin" ? "representative" : "admin";
  const rolePending = useIsPending({ intent: "role" });
  const removePending = useIsPending({ intent: "remove" });
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
      <div>
        <p className="font-medium text-slate-900">
          {rep.displayName}
          <span className="ml-2 rounded bg-teal-50 px-1.5 py-0.5 text-xs font-semibold text-teal-800">
            {t(`org.role.${rep.role}`)}
          </span>
        </p>
        <p className="text-slate-500">
          {rep.email} · {t("org.manage.since", { date: formatDay(locale, rep.since) })}
        </p>
      </div>
      <div className="flex gap-2">
        <Form method="post">
          <input type="hidden" name="intent" value="role" />
          <input type="hidden" name="userId" value={rep.userId} />
          <input type="hidden" name="role" value={nextRole} />
          <SubmitButton
            variant="secondary"
            pending={rolePending}
            aria-label={`${t(nextRole === "admin" ? "org.manage.makeAdmin" : "org.manage.makeRepresentative")}: ${rep.displayName}`}
          >
            {t(nextRole === "admin" ? "org.manage.makeAdmin" : "org.manage.makeRepresentative")}
          </SubmitButton>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="userId" value={rep.userId} />
          <SubmitButton
            variant="danger"
            pending={removePending}
            aria-label={`${t("org.manage.remove")}: ${rep.displayName}`}
          >
            {t("org.manage.remove")}
          </SubmitButton>
        </Form>
      </div>
    </li>
  );
}
