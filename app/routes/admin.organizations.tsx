import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ListPager, searchOf } from "~/components/admin/list-pager";
import { OrgVerificationList } from "~/components/admin/org-verification-list";
import { FilterSelect } from "~/components/form/filter-select";
import { FormErrors } from "~/components/form/form-errors";
import { SearchField, SearchForm } from "~/components/form/search-form";
import { StatusMessage } from "~/components/form/status-message";
import type { MessageKey } from "~/i18n/dictionary";
import { pageTitle } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { findOrganizationNames, listOrganizationsForAdmin } from "~/models/admin-organizations.server";
import { setOrganizationVerified } from "~/models/org-edit.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";
import { invariantResponse } from "~/utils/invariant";
import { canInOrg, orgRole } from "~/utils/permissions.server";
import { ADMIN_SEARCH_MAX, parseListQuery, verificationSchema, verifiedFilters } from "~/validation/admin";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adminTools.orgs.title");

type VerificationReply =
  { error: MessageKey } | { done: { intent: "verify" | "unverify"; nameZh: string; nameEn: string } };

export async function loader(args: LoaderFunctionArgs) {
  await requirePlatformRight(args, "admin.moderate");
  const query = parseListQuery(new URL(args.request.url).searchParams, "verified", verifiedFilters);
  const list = await listOrganizationsForAdmin(args.context.services.db, {
    q: query.q,
    verified: query.filter,
    after: query.after,
  });
  return { query, ...list };
}

/** Verify or revoke through the organization page's own model, so both record the same audit entry. */
export async function action(args: ActionFunctionArgs) {
  const viewer = await requirePlatformRight(args, "admin.moderate");
  invariantResponse(canInOrg(orgRole(viewer, null), "org.verify"), 403, "admin.forbidden");
  const { db } = args.context.services;
  const formData = await args.request.formData().catch(() => new FormData());
  const parsed = verificationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return data<VerificationReply>({ error: "adminTools.orgs.error.invalid" }, { status: 400 });
  const { intent, orgId } = parsed.data;
  const org = await findOrganizationNames(db, orgId);
  if (!org) return data<VerificationReply>({ error: "adminTools.orgs.error.not_found" }, { status: 404 });
  await setOrganizationVerified(db, { orgId, actorId: viewer.id, verified: intent === "verify" });
  return data<VerificationReply>({ done: { intent, nameZh: org.nameZh, nameEn: org.nameEn } });
}

export default function AdminOrganizations() {
  const { query, organizations, next } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const filters = { q: query.q, verified: query.filter === "all" ? null : query.filter };
  const filtered = Boolean(filters.q || filters.verified);
  return (
    <section aria-labelledby="admin-orgs-title">
      <h2 id="admin-orgs-title" className="text-xl font-semibold text-slate-900">
        {t("adminTools.orgs.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("adminTools.orgs.lead")}</p>
      <SearchForm
        className="mt-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
        submitLabel={t("adminTools.orgs.submit")}
        reset={filtered ? { to: "/admin/organizations", label: t("adminTools.orgs.reset") } : undefined}
      >
        <SearchField
          id="admin-orgs-q"
          label={t("adminTools.orgs.search")}
          defaultValue={query.q}
          placeholder={t("adminTools.orgs.searchPlaceholder")}
          maxLength={ADMIN_SEARCH_MAX}
        />
        <FilterSelect
          id="admin-orgs-verified"
          name="verified"
          label={t("adminTools.orgs.verified")}
          value={query.filter}
          options={verifiedFilters.map((value) => ({ value, label: t(`adminTools.orgs.verified.${value}`) }))}
        />
      </SearchForm>
      <div className="mt-4">
        {reply && "done" in reply && (
          <StatusMessage>
            {t(
              reply.done.intent === "verify"
                ? "adminTools.orgs.done.verified"
                : "adminTools.orgs.done.unverified",
              {
                name: pick(locale, reply.done.nameZh, reply.done.nameEn),
              },
            )}
          </StatusMessage>
        )}
        {reply && "error" in reply && <FormErrors errors={[reply.error]} />}
      </div>
      <OrgVerificationList organizations={organizations} />
      <ListPager
        label={t("adminTools.orgs.listLabel")}
        firstHref={query.after ? `/admin/organizations${searchOf(filters)}` : null}
        nextHref={next ? `/admin/organizations${searchOf({ ...filters, after: next })}` : null}
        firstLabel="adminTools.orgs.first"
        nextLabel="adminTools.orgs.next"
      />
    </section>
  );
}
