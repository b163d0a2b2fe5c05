import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MemberFilters } from "~/components/alliance/member-filters";
import { MemberList } from "~/components/alliance/member-list";
import { MemberPagination } from "~/components/alliance/member-pagination";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaLocale, metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { listMemberDirectory } from "~/models/member-directory.server";
import { membershipErrors, type MembershipError } from "~/models/membership-errors";
import { changeMember } from "~/models/memberships.server";
import { loadAlliance, requireAllianceRight } from "~/utils/alliance-guard.server";
import { parseMemberDirectoryQuery } from "~/validation/directory";
import { memberChangeSchema } from "~/validation/membership";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  const parent = matches.find((match) => match.id === "routes/alliances.$slug")?.data as
    { alliance?: { nameZh: string; nameEn: string } } | undefined;
  const name = parent?.alliance
    ? ` · ${pick(metaLocale(matches), parent.alliance.nameZh, parent.alliance.nameEn)}`
    : "";
  return [{ title: `${t("membership.members.title")}${name} · ${t("common.appName")}` }];
};

/** Three queries for the directory (page, count, chain nodes) whatever the member count. */
export async function loader(args: LoaderFunctionArgs) {
  const { alliance, role, user } = await loadAlliance(args, "alliance.members.list");
  const query = parseMemberDirectoryQuery(new URL(args.request.url).searchParams);
  const directory = await listMemberDirectory(args.context.services.db, {
    allianceId: alliance.id,
    viewerRole: role,
    query,
  });
  return { query, directory, viewerId: user?.id ?? null };
}

export type MemberActionData = {
  userId: string;
  intent: "role" | "remove" | null;
  result: SubmissionResult<string[]>;
  error: MembershipError | null;
  /** The role the member now holds, or "removed". */
  done?: "chair" | "organizer" | "member" | "removed";
};

/**
 * Promote, demote or remove one member. Each row posts here through its own fetcher; the answer names
 * the member it is about, so a page rendered without JavaScript shows it next to the right row too.
 */
export async function action(args: ActionFunctionArgs) {
  const { alliance, role, user } = await requireAllianceRight(args, "alliance.members.manage");
  const formData = await args.request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: memberChangeSchema });
  const posted = formData.get("intent");
  const reply = (fields: Omit<MemberActionData, "userId" | "intent">, status = 200) =>
    data<MemberActionData>(
      {
        userId: String(formData.get("userId") ?? ""),
        intent: posted === "role" || posted === "remove" ? posted : null,
        ...fields,
      },
      { status },
    );
  if (submission.status !== "success") return reply({ result: submission.reply(), error: null }, 400);

  const value = submission.value;
  const outcome = await changeMember(args.context.services, {
    alliance,
    actor: { id: user.id, role },
    userId: value.userId,
    to: value.intent === "role" ? value.role : null,
    reason: value.reason,
  });
  if (!outcome.ok) {
    return reply({ result: submission.reply(), error: outcome.error }, membershipErrors[outcome.error]);
  }
  return reply({
    result: submission.reply({ resetForm: true }),
    error: null,
    done: value.intent === "role" ? value.role : "removed",
  });
}

export default function AllianceMembers() {
  const { query, directory, viewerId } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title" className="text-xl font-semibold text-slate-900">
        {t("membership.members.title")}
      </h2>
      <MemberFilters query={query} chains={directory.chains} />
      <p role="status" className="mt-4 text-sm text-slate-600">
        {t("membership.members.results", { count: directory.total })}
      </p>
      <MemberList members={directory.members} viewerId={viewerId} />
      <MemberPagination query={query} page={directory.page} pageCount={directory.pageCount} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
