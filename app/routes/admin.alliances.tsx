import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AllianceChairList, ChairCandidates } from "~/components/admin/alliance-chairs";
import { ListPager, searchOf } from "~/components/admin/list-pager";
import { FormErrors } from "~/components/form/form-errors";
import { StatusMessage } from "~/components/form/status-message";
import type { MessageKey } from "~/i18n/dictionary";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import {
  findAllianceRef,
  findDisplayName,
  listAlliancesForAdmin,
  listChairCandidates,
} from "~/models/admin-alliances.server";
import { membershipErrors } from "~/models/membership-errors";
import { changeMember } from "~/models/memberships.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";
import { allianceRole } from "~/utils/permissions.server";
import { ADMIN_SEARCH_MAX, chairSchema } from "~/validation/admin";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adminTools.alliances.title");

type ChairReply =
  | { error: MessageKey }
  | {
      done: { intent: "appoint" | "stepDown"; name: string; allianceZh: string; allianceEn: string };
    };

export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.moderate");
  const { db } = args.context.services;
  const params = new URL(args.request.url).searchParams;
  const after = params.get("after");
  const q = (params.get("q") ?? "").trim().slice(0, ADMIN_SEARCH_MAX);
  const appointSlug = params.get("appoint");
  const [list, appointing] = await Promise.all([
    listAlliancesForAdmin(db, { after }),
    appointSlug ? findAllianceRef(db, { slug: appointSlug }) : null,
  ]);
  const candidates = appointing ? await listChairCandidates(db, appointing.id, q) : null;
  return {
    after,
    q,
    ...list,
    appoint: appointing &&
      candidates && {
        alliance: {
          id: appointing.id,
          slug: appointing.slug,
          nameZh: appointing.nameZh,
          nameEn: appointing.nameEn,
        },
        ...candidates,
      },
  };
}

/**
 * Appoint a chair or make one step down, through the membership model: it applies the policy's
 * `canManageMember` and the last-chair rule, records the audit entry and tells the member.
 */
export async function action(args: ActionFunctionArgs) {
  const viewer = await requirePlatformRight(args, "admin.moderate");
  const { services } = args.context;
  const formData = await args.request.formData().catch(() => new FormData());
  const parsed = chairSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data<ChairReply>({ error: "adminTools.alliances.error.invalid" }, { status: 400 });
  const { intent, allianceId, userId, reason } = parsed.data;
  const alliance = await findAllianceRef(services.db, { id: allianceId });
  if (!alliance) return data<ChairReply>({ error: "adminTools.alliances.error.not_found" }, { status: 404 });
  const outcome = await changeMember(services, {
    alliance,
    actor: { id: viewer.id, role: allianceRole(viewer, null) },
    userId,
    to: intent === "appoint" ? "chair" : "member",
    reason,
  });
  if (!outcome.ok) {
    return data<ChairReply>(
      { error: `membership.error.${outcome.error}` },
      { status: membershipErrors[outcome.error] },
    );
  }
  const name = (await findDisplayName(services.db, userId)) ?? "";
  return data<ChairReply>({
    done: { intent, name, allianceZh: alliance.nameZh, allianceEn: alliance.nameEn },
  });
}

export default function AdminAlliances() {
  const { after, q, alliances, next, appoint } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const here = (params: Record<string, string | null>) => `/admin/alliances${searchOf({ after, ...params })}`;
  return (
    <section aria-labelledby="admin-alliances-title">
      <h2 id="admin-alliances-title" className="text-xl font-semibold text-slate-900">
        {t("adminTools.alliances.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("adminTools.alliances.lead")}</p>
      <div className="mt-4">
        {reply && "done" in reply && (
          <StatusMessage>
            {t(
              reply.done.intent === "appoint"
                ? "adminTools.alliances.done.appointed"
                : "adminTools.alliances.done.steppedDown",
              { name: reply.done.name, alliance: pick(locale, reply.done.allianceZh, reply.done.allianceEn) },
            )}
          </StatusMessage>
        )}
        {reply && "error" in reply && <FormErrors errors={[reply.error]} />}
      </div>
      {appoint && (
        <ChairCandidates
          alliance={appoint.alliance}
          q={q}
          candidates={appoint.candidates}
          more={appoint.more}
          closeHref={here({})}
        />
      )}
      <AllianceChairList
        alliances={alliances}
        appointHref={(slug) => `${here({ appoint: slug })}#appoint-panel`}
      />
      <ListPager
        label={t("adminTools.alliances.listLabel")}
        firstHref={after ? "/admin/alliances" : null}
        nextHref={next ? `/admin/alliances${searchOf({ after: next })}` : null}
        firstLabel="adminTools.alliances.first"
        nextLabel="adminTools.alliances.next"
      />
    </section>
  );
}
