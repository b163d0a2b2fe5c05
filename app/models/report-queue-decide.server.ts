import { and, eq } from "drizzle-orm";
import { channelMessages, contentReports, problemReplies } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import type { Viewer } from "~/utils/permissions.server";
import type { DecisionInput, QueueSubjectType } from "~/validation/report-queue";
import { channelAccess } from "./channel-access.server";
import { dismissReports as dismissMessageReports, setMessageHidden } from "./channel-moderation.server";
import { problemAccess } from "./problem-access.server";
import { canModerate, dismissReports as dismissProblemReports, setHidden } from "./problem-moderation.server";
import { scopeCondition, type QueueScope } from "./report-queue.server";
import { resourceAccess } from "./resource-access.server";
import { dismissResourceReports, setResourceHidden } from "./resource-moderation.server";
import { isUuid } from "./topic-records.server";

/**
 * Deciding from the review queue: hide with a reason, restore, or dismiss a subject's open reports.
 * The queue only finds the subject; each kind's own module decides, so its rule (problem.moderate,
 * channel.moderate, resource.moderate), its audit entries, notifications and live events stay in one
 * place. A subject without a report in the viewer's queue does not exist for them.
 */

type DecideServices = Pick<Services, "db" | "realtime">;
type ModerationResult = "changed" | "unchanged" | "unknown";

export type DecisionOutcome = "hidden" | "restored" | "dismissed" | "already" | "notFound" | "forbidden";

/** A subject as its own module sees it: whether the viewer may moderate it, and its two decisions. */
type Target = {
  moderate: boolean;
  setHidden: (hide: boolean, reason: string) => Promise<ModerationResult>;
  dismiss: (reportIds: number[]) => Promise<ModerationResult>;
};

async function problemTarget(
  services: DecideServices,
  viewer: NonNullable<Viewer>,
  problemId: string,
  subject: { type: "problem" | "problem_reply"; id: string },
): Promise<Target | null> {
  const problem = await problemAccess(services.db, viewer, problemId);
  if (!problem) return null;
  return {
    moderate: canModerate(problem),
    setHidden: (hide, reason) => setHidden(services, problem, viewer.id, { subject, hide, reason }),
    dismiss: (reportIds) => dismissProblemReports(services, problem, viewer.id, reportIds),
  };
}

const targets: Record<
  QueueSubjectType,
  (services: DecideServices, viewer: NonNullable<Viewer>, id: string) => Promise<Target | null>
> = {
  problem: (services, viewer, id) => problemTarget(services, viewer, id, { type: "problem", id }),
  problem_reply: async (services, viewer, id) => {
    const [reply] = await services.db
      .select({ problemId: problemReplies.problemId })
      .from(problemReplies)
      .where(eq(problemReplies.id, id));
    return reply ? problemTarget(services, viewer, reply.problemId, { type: "problem_reply", id }) : null;
  },
  channel_message: async (services, viewer, id) => {
    const [message] = await services.db
      .select({ channelId: channelMessages.channelId })
      .from(channelMessages)
      .where(eq(channelMessages.id, id));
    const channel = message ? await channelAccess(services.db, viewer, message.channelId) : null;
    if (!channel) return null;
    return {
      moderate: channel.moderate,
      setHidden: (hide, reason) =>
        setMessageHidden(services, channel, viewer.id, { messageId: id, hide, reason }),
      dismiss: (reportIds) => dismissMessageReports(services, channel, viewer.id, reportIds),
    };
  },
  resource: async (services, viewer, id) => {
    const resource = await resourceAccess(services.db, viewer, id);
    if (!resource) return null;
    return {
      moderate: resource.moderate,
      setHidden: (hide, reason) => setResourceHidden(services, resource, viewer.id, { hide, reason }),
      dismiss: (reportIds) => dismissResourceReports(services, resource, viewer.id, reportIds),
    };
  },
};

export async function decideReport(
  services: DecideServices,
  viewer: NonNullable<Viewer>,
  scope: QueueScope,
  input: DecisionInput,
): Promise<DecisionOutcome> {
  if (!isUuid(input.subjectId)) return "notFound";
  const reports = await services.db
    .select({ id: contentReports.id, status: contentReports.status })
    .from(contentReports)
    .where(
      and(
        scopeCondition(scope),
        eq(contentReports.subjectType, input.subjectType),
        eq(contentReports.subjectId, input.subjectId),
      ),
    );
  if (reports.length === 0) return "notFound";
  const target = await targets[input.subjectType](services, viewer, input.subjectId);
  if (!target) return "notFound";
  if (!target.moderate) return "forbidden";

  if (input.intent === "dismiss") {
    const open = reports.filter((report) => report.status === "open").map((report) => report.id);
    if (open.length === 0) return "already";
    // "unknown" now means another moderator decided them in between.
    return (await target.dismiss(open)) === "changed" ? "dismissed" : "already";
  }
  const result = await target.setHidden(input.intent === "hide", input.reason ?? "");
  if (result === "unknown") return "notFound";
  if (result === "unchanged") return "already";
  return input.intent === "hide" ? "hidden" : "restored";
}
