import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ListPager, searchOf } from "~/components/admin/list-pager";
import type { SuspensionReply } from "~/components/admin/suspension-forms";
import { UserList } from "~/components/admin/user-list";
import { FilterSelect } from "~/components/form/filter-select";
import { FormErrors } from "~/components/form/form-errors";
import { SearchField, SearchForm } from "~/components/form/search-form";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { listUsersForAdmin } from "~/models/admin-users.server";
import { reinstateUser, suspendUser, type SuspensionError } from "~/models/user-suspension.server";
import { requirePlatformRight } from "~/utils/admin-guard.server";
import { ADMIN_SEARCH_MAX, parseListQuery, suspensionSchema, userStatuses } from "~/validation/admin";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adminTools.users.title");

const refusalStatus: Record<SuspensionError, number> = { self: 403, admin: 403, not_found: 404 };

export async function loader(args: LoaderFunctionArgs) {
  const viewer = await requirePlatformRight(args, "admin.users.manage");
  const query = parseListQuery(new URL(args.request.url).searchParams, "status", userStatuses);
  const list = await listUsersForAdmin(args.context.services.db, {
    q: query.q,
    status: query.filter,
    after: query.after,
  });
  return { query, ...list, viewerId: viewer.id };
}

/**
 * Suspend (a reason is required) or reinstate one account. The answer names the user it is about, so
 * the page shows it in the right row, with or without JavaScript.
 */
export async function action(args: ActionFunctionArgs) {
  const viewer = await requirePlatformRight(args, "admin.users.manage");
  const formData = await args.request.formData().catch(() => new FormData());
  const posted = formData.get("intent");
  const submission = parseWithZod(formData, { schema: suspensionSchema });
  const reply = (fields: Pick<SuspensionReply, "result" | "done" | "refusal">, status = 200) =>
    data<SuspensionReply>(
      {
        userId: String(formData.get("userId") ?? ""),
        intent: posted === "suspend" || posted === "reinstate" ? posted : null,
        ...fields,
      },
      { status },
    );
  if (submission.status !== "success") return reply({ result: submission.reply() }, 400);

  const { intent, userId, reason } = submission.value;
  const input = { actorId: viewer.id, userId, reason };
  const outcome =
    intent === "suspend"
      ? await suspendUser(args.context.services, input)
      : await reinstateUser(args.context.services, input);
  if (!outcome.ok) {
    return reply(
      { result: submission.reply(), refusal: `adminTools.users.error.${outcome.error}` },
      refusalStatus[outcome.error],
    );
  }
  return reply({
    result: submission.reply({ resetForm: true }),
    done: { intent, name: outcome.displayName },
  });
}

export default function AdminUsers() {
  const { query, users, next, viewerId } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const filters = { q: query.q, status: query.filter === "all" ? null : query.filter };
  const filtered = Boolean(filters.q || filters.status);
  return (
    <section aria-labelledby="admin-users-title">
      <h2 id="admin-users-title" className="text-xl font-semibold text-slate-900">
        {t("adminTools.users.title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("adminTools.users.lead")}</p>
      <SearchForm
        className="mt-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
        submitLabel={t("adminTools.users.submit")}
        reset={filtered ? { to: "/admin/users", label: t("adminTools.users.reset") } : undefined}
      >
        <SearchField
          id="admin-users-q"
          label={t("adminTools.users.search")}
          defaultValue={query.q}
          placeholder={t("adminTools.users.searchPlaceholder")}
          maxLength={ADMIN_SEARCH_MAX}
        />
        <FilterSelect
          id="admin-users-status"
          name="status"
          label={t("adminTools.users.status")}
          value={query.filter}
          options={userStatuses.map((status) => ({
            value: status,
            label: t(`adminTools.users.status.${status}`),
          }))}
        />
      </SearchForm>
      {reply?.refusal && (
        <div className="mt-4">
          <FormErrors errors={[reply.refusal]} />
        </div>
      )}
      <UserList users={users} viewerId={viewerId} reply={reply} />
      <ListPager
        label={t("adminTools.users.listLabel")}
        firstHref={query.after ? `/admin/users${searchOf(filters)}` : null}
        nextHref={next ? `/admin/users${searchOf({ ...filters, after: next })}` : null}
        firstLabel="adminTools.users.first"
        nextLabel="adminTools.users.next"
      />
    </section>
  );
}
