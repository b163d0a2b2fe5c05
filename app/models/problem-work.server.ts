import { sql } from "drizzle-orm";
import { renderMarkdown } from "~/markdown/render.server";
import type { DbOrTx } from "~/utils/db.server";
import { canApply, type Viewer } from "~/utils/permissions.server";
import type { ProblemStatus } from "~/validation/problem";
import type { RepresentedOrg } from "./representation.server";

/**
 * What a problem's page shows of its 揭榜 workflow, in one query whatever the numbers: how many applied
 * and for which organizations (everyone who sees the problem), the applications themselves (in full to
 * the poster and moderators, each applicant their own), the milestones and the timeline.
 */

export type ApplicationStatus = "submitted" | "shortlisted" | "accepted" | "declined" | "withdrawn";

export type ProblemApplication = {
  id: string;
  applicantId: string;
  applicantName: string;
  org: RepresentedOrg | null;
  approachHtml: string;
  timeline: string;
  team: string;
  status: ApplicationStatus;
  decisionNote: string | null;
  createdAt: string;
};

export type ProblemMilestone = { id: string; title: string; dueOn: string | null; doneAt: string | null };

export type ProblemEventKind =
  "posted" | "edited" | "status_changed" | "application_accepted" | "hidden" | "restored";

export type ProblemEvent = {
  id: number;
  kind: ProblemEventKind;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus | null;
  note: string;
  actorName: string | null;
  applicantName: string | null;
  createdAt: string;
};

export type ProblemWork = {
  applicationCount: number;
  organizations: RepresentedOrg[];
  applications: ProblemApplication[];
  milestones: ProblemMilestone[];
  events: ProblemEvent[];
  /** The organizations the viewer may apply for. */
  viewerOrgs: RepresentedOrg[];
};

type Row = Omit<ProblemWork, "applications"> & {
  applications: (Omit<ProblemApplication, "approachHtml"> & { approach: string })[];
};

const org = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'nameZh', ${alias}.name_zh, 'nameEn', ${alias}.name_en)`);

export async function getProblemWork(
  db: DbOrTx,
  viewer: Viewer,
  problem: { id: string; manage: boolean },
): Promise<ProblemWork> {
  const viewerId = viewer?.id ?? null;
  const rows = await db.execute<Row>(sql`
    select
      (select count(*)::int from problem_applications
        where problem_id = ${problem.id} and status <> 'withdrawn') as "applicationCount",
      coalesce((select json_agg(${org("o")} order by o.name_en, o.id) from organizations o
        where o.id in (select org_id from problem_applications
          where problem_id = ${problem.id} and status <> 'withdrawn')), '[]'::json) as "organizations",
      coalesce((select json_agg(json_build_object(
          'id', a.id, 'applicantId', a.applicant_id, 'applicantName', u.display_name,
          'org', case when o.id is null then null else ${org("o")} end,
          'approach', a.approach, 'timeline', a.timeline, 'team', a.team, 'status', a.status,
          'decisionNote', a.decision_note, 'createdAt', a.created_at) order by a.created_at, a.id)
        from problem_applications a
        join users u on u.id = a.applicant_id
        left join organizations o on o.id = a.org_id
        where a.problem_id = ${problem.id} and (${problem.manage} or a.applicant_id = ${viewerId})),
        '[]'::json) as "applications",
      coalesce((select json_agg(json_build_object(
          'id', m.id, 'title', m.title, 'dueOn', m.due_on, 'doneAt', m.done_at) order by m.position, m.id)
        from problem_milestones m where m.problem_id = ${problem.id}), '[]'::json) as "milestones",
      coalesce((select json_agg(json_build_object(
          'id', e.id, 'kind', e.kind, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note,
          'actorName', actor.display_name, 'applicantName', applicant.display_name,
          'createdAt', e.created_at) order by e.id)
        from problem_events e
        left join users actor on actor.id = e.actor_id
        left join problem_applications pa on pa.id = e.application_id
        left join users applicant on applicant.id = pa.applicant_id
        where e.problem_id = ${problem.id}), '[]'::json) as "events",
      coalesce((select json_agg(${org("o")} order by o.name_en, o.id)
        from org_representatives r join organizations o on o.id = r.org_id
        where r.user_id = ${viewerId}), '[]'::json) as "viewerOrgs"`);
  const row = rows[0];
  return {
    ...row,
    applications: row.applications.map(({ approach, ...application }) => ({
      ...application,
      approachHtml: renderMarkdown(approach),
    })),
  };
}

/** Whether the viewer may apply now, and if not, what the page says instead of the form. */
export type ApplyWindow =
  | { kind: "form"; orgs: RepresentedOrg[] }
  | { kind: "closedSince"; deadline: Date | string }
  | { kind: "notOpen" }
  | { kind: "none" };

type PageProblem = {
  id: string;
  authorId: string;
  status: ProblemStatus;
  deadline: Date | null;
  manage: boolean;
};

/** The work data as the page's components take it, with what the viewer may do about it. */
export function workView(viewer: Viewer, problem: PageProblem, work: ProblemWork, now = new Date()) {
  const { viewerOrgs, ...shown } = work;
  let apply: ApplyWindow = { kind: "none" };
  if (problem.status !== "open") apply = { kind: "notOpen" };
  else if (problem.deadline && problem.deadline <= now)
    apply = { kind: "closedSince", deadline: problem.deadline };
  else if (canApply(viewer, problem, now)) apply = { kind: "form", orgs: viewerOrgs };
  return {
    ...shown,
    apply,
    manage: problem.manage,
    viewerId: viewer?.id ?? null,
    acceptable: problem.manage && problem.status === "open",
    milestonesShown: problem.status !== "open" || work.milestones.length > 0,
    milestonesEditable: problem.manage && problem.status === "in_progress",
  };
}
