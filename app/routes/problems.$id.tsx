import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { AttachmentsPanel } from "~/components/attachments/attachments-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MarkdownView } from "~/components/markdown/markdown-view";
import { ProblemResourceMatches } from "~/components/matching/problem-resource-matches";
import { formatDay, formatMoment } from "~/components/org/format";
import { Fact } from "~/components/page/fact";
import { NodeLinks } from "~/components/page/node-links";
import { problemTagHref, TagLinks } from "~/components/page/tag-links";
import { Applications } from "~/components/problem/applications";
import { CareBar, HiddenBanner, ReplyCare } from "~/components/problem/care-bar";
import { Endorsements } from "~/components/problem/endorsements";
import { Milestones } from "~/components/problem/milestones";
import { ModerationPanel } from "~/components/problem/moderation";
import { ReplyForm, ReplyList } from "~/components/problem/replies";
import { StatusActions } from "~/components/problem/status-actions";
import { StatusBadge } from "~/components/problem/status-badge";
import { Timeline } from "~/components/problem/timeline";
import { metaTranslator } from "~/i18n/meta";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import { latestActivityId } from "~/models/activity.server";
import { listAttachments } from "~/models/attachments.server";
import { problemAccess } from "~/models/problem-access.server";
import { careView, getProblemCare } from "~/models/problem-care.server";
import {
  endorseProblem,
  getEngagement,
  replyToProblem,
  withdrawEndorsement,
} from "~/models/problem-engagement.server";
import { canModerate } from "~/models/problem-moderation.server";
import { getProblemWork, workView } from "~/models/problem-work.server";
import { getProblem } from "~/models/problems.server";
import { matchesForProblem } from "~/models/resource-matching.server";
import { problemTopic } from "~/realtime/topics";
import { useLive } from "~/realtime/use-live";
import { invariantResponse } from "~/utils/invariant";
import { can } from "~/utils/permissions.server";
import { getOptionalUser, requireUser } from "~/utils/session.server";
import { problemReplySchema } from "~/validation/problem";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${data ? data.problem.title : t("error.title.404")} · ${t("common.appName")}` }];
};

/** Unknown, malformed and hidden problems all answer 404: an alliance-only problem does not exist to outsiders. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await getOptionalUser({ request, context });
  const { db } = context.services;
  const problem = await getProblem(db, user, params.id ?? "");
  invariantResponse(problem, 404, "problem.notFound");
  const watch = can(user, "problem.watch");
  const moderate = canModerate(problem);
  const [engagement, after, work, care, resourceMatches, attachments] = await Promise.all([
    getEngagement(db, user, problem.id, { moderate }),
    watch ? latestActivityId(db, problemTopic(problem.id)) : 0,
    getProblemWork(db, user, problem),
    getProblemCare(db, user, problem.id, moderate),
    matchesForProblem(db, user, {
      title: problem.title,
      body: problem.body,
      tags: problem.tags,
      nodeIds: problem.nodes.map((node) => node.id),
    }),
    listAttachments(db, { kind: "problem", id: problem.id }),
  ]);
  // The Markdown source stays on the server: the page shows the rendered HTML.
  const { authorId, role: _role, body: _body, ...shown } = problem;
  return {
    problem: shown,
    engagement,
    viewer: {
      // The author cannot say "we have this too" about their own problem.
      endorse: can(user, "problem.endorse") && user?.id !== authorId,
      reply: can(user, "problem.reply"),
    },
    live: watch ? { topic: problemTopic(problem.id), after } : null,
    work: workView(user, problem, work),
    care: careView(user, problem, moderate, care),
    resourceMatches,
    attachments,
  };
}

/**
 * Endorse, withdraw, reply. Visitors go to log in; a problem the viewer may not see is 404 here too,
 * so posting to it reveals no more than opening it.
 */
export async function action(args: ActionFunctionArgs) {
  const user = await requireUser(args);
  const { services } = args.context;
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  if (intent === "endorse" || intent === "withdraw") {
    invariantResponse(can(user, "problem.endorse"), 403, "problem.endorse.forbidden");
    const problem = await problemAccess(services.db, user, args.params.id ?? "");
    invariantResponse(problem, 404, "problem.notFound");
    if (intent === "withdraw") {
      await withdrawEndorsement(services, problem, user.id);
    } else {
      invariantResponse(problem.authorId !== user.id, 403, "problem.endorse.own");
      await endorseProblem(services, problem, user);
    }
    return data<{ result?: SubmissionResult<string[]> }>({});
  }
  invariantResponse(intent === "reply", 400, "problem.error.intentUnknown");
  invariantResponse(can(user, "problem.reply"), 403, "problem.reply.forbidden");
  const problem = await problemAccess(services.db, user, args.params.id ?? "");
  invariantResponse(problem, 404, "problem.notFound");
  const submission = parseWithZod(formData, { schema: problemReplySchema });
  if (submission.status !== "success") {
    return data<{ result?: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  }
  await replyToProblem(services, problem, user, submission.value.body);
  return data<{ result?: SubmissionResult<string[]> }>({ result: submission.reply({ resetForm: true }) });
}

export default function ProblemPage() {
  const { problem, engagement, viewer, live, work, care, resourceMatches, attachments } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  useLive(live?.topic ?? null, live?.after ?? 0, () => revalidator.revalidate());
  return (
    <article className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <Link to="/problems" className="text-sm text-teal-700 underline hover:text-teal-900">
        {t("problem.page.back")}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <StatusBadge status={problem.status} />
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{problem.title}</h1>
      </div>
      <CareBar problemId={problem.id} care={care} />
      {work.manage && <StatusActions problemId={problem.id} status={problem.status} />}
      <dl className="mt-6 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <Fact label={t("problem.page.alliance")}>
          {problem.alliance ? (
            <Link to={`/alliances/${problem.alliance.slug}`} className="text-teal-700 hover:underline">
              {pick(locale, problem.alliance.nameZh, problem.alliance.nameEn)}
            </Link>
          ) : (
            t("problem.board.allAlliances")
          )}
        </Fact>
        <Fact label={t("problem.page.visibility")}>{t(`problem.visibility.${problem.visibility}`)}</Fact>
        <Fact label={t("problem.page.urgency")}>{t(`problem.urgency.${problem.urgency}`)}</Fact>
        <Fact label={t("problem.page.author")}>{problem.authorName}</Fact>
        <Fact label={t("problem.page.created")}>{formatMoment(locale, new Date(problem.createdAt))}</Fact>
        <Fact label={t("problem.page.updated")}>{formatMoment(locale, new Date(problem.updatedAt))}</Fact>
        {problem.deadline && (
          <Fact label={t("problem.page.deadline")}>{formatDay(locale, new Date(problem.deadline))}</Fact>
        )}
        {problem.reward && <Fact label={t("problem.page.reward")}>{problem.reward}</Fact>}
      </dl>
      {problem.nodes.length > 0 && <NodeLinks heading={t("problem.page.nodes")} nodes={problem.nodes} />}
      {problem.tags.length > 0 && (
        <section className="mt-4">
          <h2 className="text-sm font-semibold text-slate-900">{t("problem.page.tags")}</h2>
          <TagLinks tags={problem.tags} href={problemTagHref} />
        </section>
      )}
      {problem.hiddenAt && <HiddenBanner reason={problem.hiddenReason ?? ""} />}
      <MarkdownView html={problem.html} className="mt-8" />
      <AttachmentsPanel
        action={`/problems/${problem.id}/attachments`}
        attachments={attachments}
        manage={work.manage}
      />
      {care.reports && (
        <ModerationPanel problemId={problem.id} hidden={problem.hiddenAt !== null} reports={care.reports} />
      )}
      <Endorsements
        count={engagement.endorsements}
        organizations={engagement.organizations}
        viewerEndorsed={viewer.endorse ? engagement.viewerEndorsed : null}
      />
      <Applications
        problemId={problem.id}
        count={work.applicationCount}
        organizations={work.organizations}
        applications={work.applications}
        manage={work.manage}
        viewerId={work.viewerId}
        acceptable={work.acceptable}
        apply={work.apply}
      />
      <ProblemResourceMatches matches={resourceMatches} />
      {work.milestonesShown && (
        <Milestones problemId={problem.id} milestones={work.milestones} editable={work.milestonesEditable} />
      )}
      <ReplyList
        replies={engagement.replies}
        actions={(reply) => <ReplyCare problemId={problem.id} reply={reply} care={care} />}
      />
      {viewer.reply ? (
        <ReplyForm lastResult={actionData?.result} />
      ) : (
        <p className="mt-6 text-sm text-slate-600">
          <Link
            to={`/login?${new URLSearchParams({ redirectTo: `/problems/${problem.id}` })}`}
            className="text-teal-700 underline hover:text-teal-900"
          >
            {t("problem.engage.signIn")}
          </Link>
        </p>
      )}
      <Timeline events={work.events} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
