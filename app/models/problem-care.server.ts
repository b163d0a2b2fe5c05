import { sql } from "drizzle-orm";
import { contentReports, problemReplies, problemRevisions, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import { can, type Viewer } from "~/utils/permissions.server";
import type { ReportSubject } from "~/validation/problem-care";
import { followedBy } from "./problem-follows.server";

/**
 * The problem page's share of following, revisions, reports and moderation: one query, whatever the
 * number of versions, replies or reports.
 */

export type OpenReport = {
  id: number;
  subjectType: ReportSubject;
  subjectId: string;
  reason: string;
  reporterName: string;
  /** For a reply: its author's name. */
  replyAuthorName: string | null;
  replyHidden: boolean;
};

export type ProblemCare = {
  following: boolean;
  /** How many versions of the text there are: more than one means it was edited. */
  versions: number;
  /** The problem and replies the viewer has reported. */
  reported: string[];
  /** Open reports about the problem and its replies; null unless the viewer moderates it. */
  reports: OpenReport[] | null;
};

export async function getProblemCare(
  db: DbOrTx,
  viewer: Viewer,
  problemId: string,
  moderate: boolean,
): Promise<ProblemCare> {
  const about = sql`(${contentReports.subjectId} = ${problemId} or ${contentReports.subjectId} in
    (select ${problemReplies.id} from ${problemReplies} where ${problemReplies.problemId} = ${problemId}))`;
  // A plain statement, not a select builder: drizzle writes a builder's selected columns without their
  // table, which is ambiguous across the joins below.
  const rows = await db.execute<ProblemCare>(sql`select
    ${viewer ? followedBy(problemId, viewer.id) : sql`false`} as "following",
    (select count(*)::int from ${problemRevisions} where ${problemRevisions.problemId} = ${problemId}) as "versions",
    ${
      viewer
        ? sql`array(select ${contentReports.subjectId}::text from ${contentReports}
            where ${contentReports.reporterId} = ${viewer.id} and ${about})`
        : sql`'{}'::text[]`
    } as "reported",
    ${
      moderate
        ? sql`coalesce((select json_agg(json_build_object('id', ${contentReports.id},
            'subjectType', ${contentReports.subjectType}, 'subjectId', ${contentReports.subjectId},
            'reason', ${contentReports.reason}, 'reporterName', reporter.display_name,
            'replyAuthorName', replier.display_name, 'replyHidden', ${problemReplies.hiddenAt} is not null)
            order by ${contentReports.id})
          from ${contentReports}
          join ${users} reporter on reporter.id = ${contentReports.reporterId}
          left join ${problemReplies} on ${contentReports.subjectType} = 'problem_reply'
            and ${problemReplies.id} = ${contentReports.subjectId}
          left join ${users} replier on replier.id = ${problemReplies.authorId}
          where ${contentReports.status} = 'open' and ${about}), '[]'::json)`
        : sql`null`
    } as "reports"`);
  const [row] = rows;
  return {
    following: row.following,
    versions: row.versions,
    reported: row.reported,
    reports: row.reports,
  };
}

/** What the page shows of following, editing, reporting and moderating, for this viewer. */
export function careView(
  viewer: Viewer,
  problem: { id: string; authorId: string; manage: boolean },
  moderate: boolean,
  care: ProblemCare,
) {
  return {
    ...care,
    edit: problem.manage,
    moderate,
    own: viewer?.id === problem.authorId,
    follow: can(viewer, "problem.follow"),
    report: can(viewer, "problem.report"),
  };
}

export type CareView = ReturnType<typeof careView>;
