import { Form, Link } from "@remix-run/react";
import { FormErrors } from "~/components/form/form-errors";
import { SubmitButton, useIsPending } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";

export type ProfileRights = {
  edit: boolean;
  manageRepresentatives: boolean;
  verify: boolean;
  leave: boolean;
};

const linkClass =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50";

/** What the viewer may do here: edit, manage people, verify (platform admins), leave (representatives). */
export function ProfileActions({
  orgId,
  verified,
  rights,
  leaveErrors,
}: {
  orgId: string;
  verified: boolean;
  rights: ProfileRights;
  leaveErrors?: string[];
}) {
  const t = useT();
  const verifyPending = useIsPending({ intent: verified ? "unverify" : "verify" });
  const leavePending = useIsPending({ intent: "leave" });
  if (!rights.edit && !rights.manageRepresentatives && !rights.verify && !rights.leave) return null;
  return (
    <aside aria-label={t("org.profile.manage")} className="mt-6 flex flex-wrap items-start gap-3">
      {rights.edit && (
        <Link to={`/orgs/${orgId}/edit`} className={linkClass}>
          {t("org.profile.edit")}
        </Link>
      )}
      {rights.manageRepresentatives && (
        <Link to={`/orgs/${orgId}/representatives`} className={linkClass}>
          {t("org.profile.representatives")}
        </Link>
      )}
      {rights.verify && (
        <Form method="post">
          <input type="hidden" name="intent" value={verified ? "unverify" : "verify"} />
          <SubmitButton pending={verifyPending} variant={verified ? "secondary" : "primary"}>
            {t(verified ? "org.unverify.submit" : "org.verify.submit")}
          </SubmitButton>
        </Form>
      )}
      {rights.leave && (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="leave" />
          <FormErrors errors={leaveErrors} />
          <SubmitButton pending={leavePending} variant="secondary" title={t("org.leave.lead")}>
            {t("org.leave.submit")}
          </SubmitButton>
        </Form>
      )}
    </aside>
  );
}
