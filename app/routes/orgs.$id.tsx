import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StatusMessage } from "~/components/form/status-message";
import { ProfileActions } from "~/components/org/profile-actions";
import { ProfilePeople } from "~/components/org/profile-people";
import { ProfilePositions } from "~/components/org/profile-positions";
import { ProfileSummary } from "~/components/org/profile-summary";
import type { MessageKey } from "~/i18n/dictionary";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { getOrgAccess } from "~/models/org-access.server";
import { setOrganizationVerified } from "~/models/org-edit.server";
import { getOrgProfile } from "~/models/org-profile.server";
import { removeRepresentative } from "~/models/org-representatives.server";
import { invariantResponse } from "~/utils/invariant";
import { canInOrg, orgRole } from "~/utils/permissions.server";
import { getOptionalUser, requireUser } from "~/utils/session.server";

/** What a successful action says once the page has reloaded (?done=…). */
const confirmations: Record<string, MessageKey> = {
  verify: "org.verify.done",
  unverify: "org.unverify.done",
  saved: "org.edit.saved",
  left: "org.leave.done",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("error.title.404")} · ${t("common.appName")}` }];
  const locale = metaLocale(matches);
  const { org } = data;
  return [
    { title: `${pick(locale, org.nameZh, org.nameEn)} · ${t("common.appName")}` },
    { name: "description", content: pick(locale, org.descriptionZh, org.descriptionEn).slice(0, 200) },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db } = context.services;
  const { user } = await getOptionalUser({ request, context });
  const access = await getOrgAccess(db, params.id ?? "", user?.id ?? null);
  invariantResponse(access, 404, "org.notFound");
  const role = orgRole(user, access.representation);
  const rights = {
    edit: canInOrg(role, "org.edit"),
    manageRepresentatives: canInOrg(role, "org.representatives.manage"),
    verify: canInOrg(role, "org.verify"),
    leave: canInOrg(role, "org.leave") && access.representation !== null,
  };
  const org = await getOrgProfile(db, access.id, {
    showUnlisted: rights.manageRepresentatives,
    viewerId: user?.id ?? null,
  });
  invariantResponse(org, 404, "org.notFound");
  return { org, rights, viewerId: user?.id ?? null };
}

export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { db } = args.context.services;
  const access = await getOrgAccess(db, args.params.id ?? "", user.id);
  invariantResponse(access, 404, "org.notFound");
  const role = orgRole(user, access.representation);
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");

  if (intent === "verify" || intent === "unverify") {
    invariantResponse(canInOrg(role, "org.verify"), 403, "org.forbidden");
    await setOrganizationVerified(db, { orgId: access.id, actorId: user.id, verified: intent === "verify" });
    return redirect(`/orgs/${access.id}?done=${intent}`, { status: 303 });
  }

  invariantResponse(intent === "leave", 400);
  invariantResponse(canInOrg(role, "org.leave") && access.representation, 403, "org.forbidden");
  const result = await removeRepresentative(db, { orgId: access.id, userId: user.id, actorId: user.id });
  if (result === "lastAdmin") {
    return data({ leaveErrors: ["org.error.lastAdmin"] }, { status: 400 });
  }
  return redirect(`/orgs/${access.id}?done=left`, { status: 303 });
}

export default function OrganizationPage() {
  const { org, rights, viewerId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const done = searchParams.get("done");
  const confirmation = done ? confirmations[done] : undefined;
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6 lg:px-8">
      {confirmation && (
        <div className="mb-6">
          <StatusMessage>{t(confirmation)}</StatusMessage>
        </div>
      )}
      <ProfileSummary org={org} />
      <ProfileActions
        orgId={org.id}
        verified={org.verified}
        rights={rights}
        leaveErrors={actionData?.leaveErrors}
      />
      <ProfilePositions positions={org.positions} />
      <ProfilePeople org={org} viewerId={viewerId} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
