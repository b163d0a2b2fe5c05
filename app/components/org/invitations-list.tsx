import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useLocale, useT } from "~/i18n/use-t";
import type { OrgInvitationView } from "~/models/org-invitations.server";
import { formatDay } from "./format";

const stateClass = {
  valid: "bg-teal-50 text-teal-800",
  used: "bg-slate-100 text-slate-700",
  expired: "bg-amber-50 text-amber-800",
  revoked: "bg-red-50 text-red-800",
};

/** Open, used, expired and revoked invitations; open ones can be revoked. */
export function InvitationsList({ invitations }: { invitations: OrgInvitationView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="org-invitations" className="mt-8">
      <h2 id="org-invitations" className="text-lg font-semibold text-slate-900">
        {t("org.invitations.title")}
      </h2>
      {invitations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("org.invitations.none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {invitations.map((invitation) => {
            const who = invitation.email ?? t("org.invitations.link");
            return (
              <li
                key={invitation.id}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
              >
                <div>
                  <p className="font-medium text-slate-900">
                    {who}
                    <span
                      className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${stateClass[invitation.state]}`}
                    >
                      {t(`org.state.${invitation.state}`)}
                    </span>
                  </p>
                  <p className="text-slate-500">
                    {t("org.invitations.expires", { date: formatDay(locale, invitation.expiresAt) })}
                  </p>
                </div>
                {invitation.state === "valid" && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <SubmitButton variant="secondary" aria-label={`${t("org.invitations.revoke")}: ${who}`}>
                      {t("org.invitations.revoke")}
                    </SubmitButton>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
