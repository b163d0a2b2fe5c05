import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InvitationForm } from "~/components/alliance/invitation-form";
import { InvitationList } from "~/components/alliance/invitation-list";
import { useT } from "~/i18n/use-t";
import { inviteToAlliance } from "~/models/alliance-invitations.server";
import { invitationState, listInvitations, revokeInvitation } from "~/models/invitations.server";
import { membershipErrors } from "~/models/membership-errors";
import { isUuid } from "~/models/topic-records.server";
import { requireAllianceRight } from "~/utils/alliance-guard.server";
import { invitationSchema } from "~/validation/membership";

export async function loader(args: LoaderFunctionArgs) {
  const { alliance } = await requireAllianceRight(args, "alliance.invite");
  const rows = await listInvitations(args.context.services.db, { allianceId: alliance.id });
  return {
    invitations: rows.map((row) => ({
      id: row.id,
      email: row.email,
      state: invitationState(row),
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { alliance, user, role } = await requireAllianceRight(args, "alliance.invite");
  const { services } = args.context;
  const formData = await args.request.formData().catch(() => new FormData());
  if (formData.get("intent") === "revoke") {
    const id = String(formData.get("id") ?? "");
    const revoked = isUuid(id) && (await revokeInvitation(services.db, { allianceId: alliance.id }, id));
    return data({ revoked, result: null, created: null, error: null }, { status: revoked ? 200 : 404 });
  }
  const submission = parseWithZod(formData, { schema: invitationSchema });
  if (submission.status !== "success") {
    return data({ revoked: false, result: submission.reply(), created: null, error: null }, { status: 400 });
  }
  const { mode, email, days } = submission.value;
  const outcome = await inviteToAlliance(services, {
    alliance,
    actor: { id: user.id, displayName: user.displayName, role },
    email: mode === "email" ? (email ?? null) : null,
    days,
  });
  if (!outcome.ok) {
    return data(
      { revoked: false, result: submission.reply(), created: null, error: outcome.error },
      { status: membershipErrors[outcome.error] },
    );
  }
  return {
    revoked: false,
    result: submission.reply({ resetForm: true }),
    created: { url: outcome.url, expiresAt: outcome.expiresAt.toISOString(), email: email ?? null },
    error: null,
  };
}

export default function InvitationsTab() {
  const { invitations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="invitations-heading" className="space-y-8">
      <div>
        <h2 id="invitations-heading" className="text-lg font-semibold text-slate-900">
          {t("membership.invitations.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("membership.invitations.lead")}</p>
        <InvitationForm />
      </div>
      <InvitationList invitations={invitations} />
    </section>
  );
}
