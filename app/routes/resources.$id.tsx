import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttachmentsPanel } from "~/components/attachments/attachments-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InquiryPanel } from "~/components/inquiry/inquiry-panel";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { ResourceProblemMatches } from "~/components/matching/resource-problem-matches";
import { formatDay, formatMoment } from "~/components/org/format";
import { Fact } from "~/components/page/fact";
import { NodeLinks } from "~/components/page/node-links";
import { resourceTagHref, TagLinks } from "~/components/page/tag-links";
import { ManagePanel } from "~/components/resource/manage-panel";
import { ExpiredBadge, KindBadge, TermsBadges } from "~/components/resource/resource-badges";
import { ResourceModerationPanel, ResourceReportForm } from "~/components/resource/resource-moderation";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { listAttachments } from "~/models/attachments.server";
import { inquiryPanel } from "~/models/inquiry-panel.server";
import { resourceAccess } from "~/models/resource-access.server";
import { problemsForResource } from "~/models/resource-matching.server";
import { getResourcePage, resourceActions } from "~/models/resource-page.server";
import { confirmResource, relistResource, withdrawResource } from "~/models/resource-listing.server";
import { invariantResponse } from "~/utils/invariant";
import { getOptionalUser } from "~/utils/session.server";
import { requireResource } from "~/utils/resource-guard.server";
import { chinaDay, resourceManageSchema } from "~/validation/resource";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? data.resource.title : t("error.title.404")} · ${t("common.appName")}` }];
};

/**
 * Unknown, malformed and invisible resources all answer 404: an alliance-only resource does not exist
 * to outsiders, and a hidden one only to its provider and moderators. Withdrawn ones stay readable here
 * (inquiries point to them) with a banner.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db } = context.services;
  const access = await resourceAccess(db, user, params.id ?? "");
  invariantResponse(access, 404, "resource.notFound");
  const resource = await getResourcePage(db, user, access);
  invariantResponse(resource, 404, "resource.notFound");
  const listed = !access.hiddenAt && !access.withdrawnAt;
  const [inquiries, problemMatches, attachments] = await Promise.all([
    inquiryPanel(db, user, access),
    listed
      ? problemsForResource(db, user, {
          title: resource.title,
          body: resource.description,
          tags: resource.tags,
          nodeIds: resource.nodes.map((node) => node.id),
        })
      : null,
    listAttachments(db, { kind: "resource", id: access.id }),
  ]);
  // The Markdown source stays on the server: the page shows the rendered HTML.
  const { description: _description, ...shown } = resource;
  return {
    resource: shown,
    can: resourceActions(user, access),
    today: chinaDay(),
    inquiries,
    problemMatches,
    attachments,
  };
}

type ManageReply = { errors?: string[]; confirmedUntil?: string };

/** The owner's buttons: confirm still current, withdraw, list again. */
export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const { resource } = await requireResource(args, { need: "manage", forbidden: "resource.edit.forbidden" });
  const submission = parseWithZod(formData, { schema: resourceManageSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flatMap((e) => e ?? []);
    return data<ManageReply>(
      { errors: errors.length > 0 ? errors : ["resource.error.intentUnknown"] },
      { status: 400 },
    );
  }
  const { db } = args.context.services;
  const input = submission.value;
  if (input.intent === "withdraw") await withdrawResource(db, resource.id);
  else if (input.intent === "relist") await relistResource(db, resource.id);
  else {
    const until = await confirmResource(db, resource.id, Number(input.months));
    return data<ManageReply>(until ? { confirmedUntil: until } : {});
  }
  return data<ManageReply>({});
}

export default function ResourcePage() {
  const { resource, can, today, inquiries, problemMatches, attachments } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const listed = !resource.withdrawnAt && !resource.hiddenAt;
  return (
    <article className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link to="/resources" className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("resource.page.back")}
      </Link>
      <header className="mt-4">
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge kind={resource.kind} />
          {resource.expired && listed && <ExpiredBadge />}
        </div>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{resource.title}</h1>
        <p className="mt-1 text-slate-600">
          <Link to={`/orgs/${resource.org.id}`} className="font-medium text-teal-700 hover:underline">
            {pick(locale, resource.org.nameZh, resource.org.nameEn)}
          </Link>
          {resource.org.verified && (
            <span className="ml-2 rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800 ring-1 ring-teal-200">
              {t("resource.page.verified")}
            </span>
          )}
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
          {can.manage && (
            <Link
              to={`/resources/${resource.id}/edit`}
              className="text-sm font-medium text-teal-700 underline hover:text-teal-900"
            >
              {t("resource.edit.link")}
            </Link>
          )}
          {can.report && <ResourceReportForm resourceId={resource.id} reported={resource.reported} />}
        </div>
      </header>
      {resource.withdrawnAt && (
        <p
          role="status"
          className="mt-6 rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800 ring-1 ring-slate-300"
        >
          {t("resource.withdrawn.banner")}
        </p>
      )}
      {resource.hiddenAt && (
        <p
          role="status"
          className="mt-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300"
        >
          {t("resource.hidden.banner", { reason: resource.hiddenReason ?? "" })}
        </p>
      )}
      {can.manage && (
        <ManagePanel
          expiresOn={resource.expiresOn}
          expired={resource.expired}
          withdrawn={resource.withdrawnAt !== null}
          today={today}
          errors={reply?.errors}
          confirmedUntil={reply?.confirmedUntil}
        />
      )}
      <dl className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <Fact label={t("resource.page.contact")}>{resource.contactName ?? t("resource.page.noContact")}</Fact>
        <Fact label={t("resource.page.visibility")}>{t(`resource.visibility.${resource.visibility}`)}</Fact>
        <Fact label={t("resource.page.expiresOn")}>
          {formatDay(locale, new Date(`${resource.expiresOn}T00:00:00+08:00`))}
        </Fact>
        {resource.authorName && <Fact label={t("resource.page.author")}>{resource.authorName}</Fact>}
        <Fact label={t("resource.page.created")}>{formatMoment(locale, new Date(resource.createdAt))}</Fact>
        <Fact label={t("resource.page.updated")}>{formatMoment(locale, new Date(resource.updatedAt))}</Fact>
        {resource.alliances.length > 0 && (
          <div className="sm:col-span-3">
            <Fact label={t("resource.page.sharedWith")}>
              <ul className="flex flex-wrap gap-x-3 gap-y-1">
                {resource.alliances.map((a) => (
                  <li key={a.id}>
                    <Link to={`/alliances/${a.slug}`} className="text-teal-700 hover:underline">
                      {pick(locale, a.nameZh, a.nameEn)}
                    </Link>
                  </li>
                ))}
              </ul>
            </Fact>
          </div>
        )}
      </dl>
      <section className="mt-6" aria-labelledby="resource-terms">
        <h2 id="resource-terms" className="text-sm font-semibold text-slate-900">
          {t("resource.page.terms")}
        </h2>
        <div className="mt-2">
          <TermsBadges terms={resource.terms} modes={resource.modes} />
        </div>
        {resource.termsNote && <p className="mt-2 text-sm text-slate-700">{resource.termsNote}</p>}
      </section>
      {resource.nodes.length > 0 && <NodeLinks heading={t("resource.page.nodes")} nodes={resource.nodes} />}
      {resource.tags.length > 0 && (
        <section className="mt-4">
          <h2 className="text-sm font-semibold text-slate-900">{t("resource.page.tags")}</h2>
          <TagLinks tags={resource.tags} href={resourceTagHref} />
        </section>
      )}
      <section className="mt-8" aria-label={t("resource.page.description")}>
        <MarkdownView html={resource.html} />
      </section>

      <AttachmentsPanel
        action={`/resources/${resource.id}/attachments`}
        attachments={attachments}
        manage={can.manage}
      />
      <InquiryPanel resourceId={resource.id} panel={inquiries} />
      {problemMatches && <ResourceProblemMatches matches={problemMatches} />}
      {can.moderate && resource.reports && (
        <ResourceModerationPanel
          resourceId={resource.id}
          hidden={resource.hiddenAt !== null}
          reports={resource.reports}
        />
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
