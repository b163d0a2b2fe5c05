import { useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useLocale, useT } from "~/i18n/use-t";
import type { InvitationState } from "~/models/invitations.server";

type Invitation = {
  id: string;
  email: string | null;
  state: InvitationState;
  createdAt: string;
  expiresAt: string;
};

const stateStyle: Record<InvitationState, string> = {
  valid: "bg-teal-50 text-teal-800",
  used: "bg-slate-100 text-slate-700",
  expired: "bg-amber-50 text-amber-900",
  revoked: "bg-red-50 text-red-800",
};

/** Invitations sent, newest first, with what became of each; open ones can be revoked. */
export function InvitationList({ invitations }: { invitations: Invitation[] }) {
  const t = useT();
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  if (invitations.length === 0) {
    return <p className="text-sm text-slate-500">{t("membership.invitations.none")}</p>;
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left font-semibold text-slate-900">
        {t("membership.invitations.sentList")}
      </caption>
      <thead className="border-b border-slate-200 text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("membership.invitations.to")}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("membership.invitations.state")}
          </th>
          <th scope="col" className="py-2 pr-3 font-medium">
            {t("membership.invitations.expiresAt")}
          </th>
          <th scope="col" className="py-2 font-medium">
            <span className="sr-only">{t("membership.invitations.revoke")}</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <td className="py-2 pr-3">{invitation.email ?? t("membership.invitations.anyone")}</td>
            <td className="py-2 pr-3">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${stateStyle[invitation.state]}`}>
                {t(`membership.invitations.state.${invitation.state}`)}
              </span>
            </td>
            <td className="py-2 pr-3 tabular-nums">{format.format(new Date(invitation.expiresAt))}</td>
            <td className="py-2 text-right">
              {invitation.state === "valid" && <RevokeButton id={invitation.id} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ id }: { id: string }) {
  const t = useT();
  const fetcher = useFetcher({ key: `revoke-${id}` });
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="id" value={id} />
      <SubmitButton name="intent" value="revoke" variant="secondary" pending={fetcher.state !== "idle"}>
        {t("membership.invitations.revoke")}
      </SubmitButton>
    </fetcher.Form>
  );
}
