import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/form/form-errors";
import { StatusMessage } from "~/components/form/status-message";
import { AuditList } from "~/components/org/audit-list";
import { CreatedLink } from "~/components/org/created-link";
import { InvitationsList } from "~/components/org/invitations-list";
import { InviteByEmailForm, InviteLinkForm } from "~/components/org/invite-forms";
import { RepresentativesTable } from "~/components/org/representatives-table";
import { BilingualHeading } from "~/components/page-heading";
import type { MessageKey } from "~/i18n/dictionary";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listAudit } from "~/models/audit.server";
import { getOrgAccess } from "~/models/org-access.server";
import {
  createInvitationLink,
  inviteByEmail,
  listOrgInvitations,
  revokeOrgInvitation,
} from "~/models/org-invitations.server";
import {
  changeRepresentativeRole,
  listRepresentatives,
  removeRepresentative,
  representsByEmail,
} from "~/models/org-representatives.server";
import { invariantResponse } from "~/utils/invariant";
import { canInOrg, orgRole } from "~/utils/permissions.server";
import { requireUser } from "~/utils/session.server";
import {
  changeRoleSchema,
  inviteEmailSchema,
  inviteLinkSchema,
  removeRepresentativeSchema,
  revokeInvitationSchema,
} from "~/validation/organization";

type ActionData =
  | { intent: "inviteEmail" | "inviteLink"; result: SubmissionResult<string[]> }
  | { intent: "inviteLink"; link: { url: string; expiresAt: Date } }
  | { intent: "manage"; errors: MessageKey[] };

/** What each successful change says once the page has reloaded (?done=…). */
const confirmations: Record<string, MessageKey> = {
  role: "org.manage.roleChanged",
  removed: "org.manage.removed",
  invited: "org.invite.emailSent",
  revoked: "org.invitations.revoked",
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "org.manage.title");

async function requireManager(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireUser(args);
  const access = await getOrgAccess(args.context.services.db, args.params.id ?? "", user.id);
  invariantResponse(access, 404, "org.notFound");
  const role = orgRole(user, access.representation);
  invariantResponse(canInOrg(role, "org.representatives.manage"), 403, "org.forbidden");
  return { user, access };
}

export async function loader(args: LoaderFunctionArgs) {
  const { access } = await requireManager(args);
  const { db } = args.context.services;
  const [representatives, invitations, audit] = await Promise.all([
    listRepresentatives(db, access.id),
    listOrgInvitations(db, access.id),
    listAudit(db, { orgId: access.id }, { limit: 30 }),
  ]);
  const { representation: _representation, ...org } = access;
  return { org, representatives, invitations, audit: audit.entries };
}

export async function action(args: ActionFunctionArgs) {
  const { user, access } = await requireManager(args);
  const { db, config } = args.context.services;
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const back = (done: string, params: Record<string, string> = {}) =>
    redirect(`/orgs/${access.id}/representatives?${new URLSearchParams({ done, ...params })}`, {
      status: 303,
    });
  const refuse = (errors: MessageKey[]) => data<ActionData>({ intent: "manage", errors }, { status: 400 });

  if (intent === "inviteEmail") {
    const submission = parseWithZod(formData, { schema: inviteEmailSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    if (await representsByEmail(db, access.id, submission.value.email)) {
      const result = submission.reply({ fieldErrors: { email: ["org.error.alreadyRepresentative"] } });
      return data<ActionData>({ intent, result }, { status: 400 });
    }
    await inviteByEmail(db, {
      org: access,
      email: submission.value.email,
      days: submission.value.days,
      inviter: user,
      publicUrl: config.publicUrl,
    });
    return back("invited", { email: submission.value.email });
  }

  if (intent === "inviteLink") {
    const submission = parseWithZod(formData, { schema: inviteLinkSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    }
    const link = await createInvitationLink(db, {
      orgId: access.id,
      days: submission.value.days,
      inviterId: user.id,
      publicUrl: config.publicUrl,
    });
    // Not a redirect: the link exists only in this response.
    return data<ActionData>({ intent, link });
  }

  if (intent === "revoke") {
    const parsed = revokeInvitationSchema.safeParse(Object.fromEntries(formData));
    invariantResponse(parsed.success, 400);
    const revoked = await revokeOrgInvitation(db, {
      orgId: access.id,
      invitationId: parsed.data.invitationId,
      actorId: user.id,
    });
    return revoked ? back("revoked") : refuse(["org.error.invitationNotOpen"]);
  }

  if (intent === "role" || intent === "remove") {
    const fields = Object.fromEntries(formData);
    let outcome;
    if (intent === "role") {
      const parsed = changeRoleSchema.safeParse(fields);
      invariantResponse(parsed.success, 400);
      outcome = await changeRepresentativeRole(db, { orgId: access.id, actorId: user.id, ...parsed.data });
    } else {
      const parsed = removeRepresentativeSchema.safeParse(fields);
      invariantResponse(parsed.success, 400);
      outcome = await removeRepresentative(db, { orgId: access.id, actorId: user.id, ...parsed.data });
    }
    if (outcome === "lastAdmin") return refuse(["org.error.lastAdmin"]);
    if (outcome === "notRepresentative") return refuse(["org.error.notRepresentative"]);
    return back(intent === "role" ? "role" : "removed");
  }

  invariantResponse(false, 400);
}

export default function OrganizationRepresentatives() {
  const { org, representatives, invitations, audit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const done = searchParams.get("done");
  const confirmation = done ? confirmations[done] : undefined;
  const inviteResult = (intent: "inviteEmail" | "inviteLink") =>
    actionData?.intent === intent && "result" in actionData ? actionData.result : undefined;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-10 sm:px-6">
      <div>
        <p className="text-sm font-medium text-teal-700">{t("org.manage.title")}</p>
        <BilingualHeading nameZh={org.nameZh} nameEn={org.nameEn} />
        <p className="mt-3 text-sm text-slate-600">{t("org.manage.lead")}</p>
        <Link to={`/orgs/${org.id}`} className="mt-2 inline-block text-sm text-teal-700 underline">
          {t("org.edit.back")}
        </Link>
      </div>
      {confirmation && (
        <StatusMessage>{t(confirmation, { email: searchParams.get("email") ?? "" })}</StatusMessage>
      )}
      {actionData?.intent === "manage" && <FormErrors errors={actionData.errors} />}
      {actionData && "link" in actionData && <CreatedLink {...actionData.link} />}
      <RepresentativesTable representatives={representatives} />
      <div className="grid gap-4 md:grid-cols-2">
        <InviteByEmailForm lastResult={inviteResult("inviteEmail")} />
        <InviteLinkForm lastResult={inviteResult("inviteLink")} />
      </div>
      <InvitationsList invitations={invitations} />
      <AuditList entries={audit} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
