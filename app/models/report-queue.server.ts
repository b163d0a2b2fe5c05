import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alliances, contentReports, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { QueueFilters, QueueSubjectType } from "~/validation/report-queue";
import { loadSubjects, type Decider, type SubjectInfo } from "./report-queue-subjects.server";

/**
 * The one review queue of reports about problems, replies, channel messages and resources (ADR 0010),
 * grouped by subject, newest report first, in pages. An alliance's organizers see the reports filed in
 * their alliance; platform admins see every report, those outside any alliance included. A page costs
 * the same few queries however long the queue is: the groups, their reports, their alliances, and one
 * query per kind of subject on the page.
 */

export const QUEUE_PAGE_SIZE = 20;
/** Reports listed per subject; the count says how many there are in all. */
export const REPORTS_SHOWN = 20;

/** `allianceId` on the platform: undefined for every report, null for those outside any alliance. */
export type QueueScope =
  { kind: "alliance"; allianceId: string } | { kind: "platform"; allianceId?: string | null };

export type QueueReport = {
  id: number;
  reporterName: string;
  reason: string;
  status: "open" | "hidden" | "dismissed";
  createdAt: string;
};

export type QueueItem = SubjectInfo & {
  type: QueueSubjectType;
  id: string;
  /** The report queue it landed in (its newest report's alliance). */
  alliance: { slug: string; nameZh: string; nameEn: string } | null;
  /** False when the reported row no longer exists. */
  exists: boolean;
  openCount: number;
  /** Reports in the list's status (open ones, or every decided one). */
  reportCount: number;
  reports: QueueReport[];
};

export type ReportQueue = {
  items: QueueItem[];
  /** The `before` of the next (older) page, if there is one. */
  nextBefore: number | null;
  /** Subjects with open reports, by kind, for the filter tabs. */
  openCounts: Record<QueueSubjectType, number>;
};

export function scopeCondition(scope: QueueScope): SQL | undefined {
  if (scope.kind === "alliance") return eq(contentReports.allianceId, scope.allianceId);
  if (scope.allianceId === undefined) return undefined;
  return scope.allianceId === null
    ? isNull(contentReports.allianceId)
    : eq(contentReports.allianceId, scope.allianceId);
}

const gone: SubjectInfo = {
  preview: null,
  authorName: null,
  href: null,
  problem: null,
  channel: null,
  organization: null,
  hidden: null,
  deleted: false,
  decide: false,
};

export async function listReportQueue(
  db: DbOrTx,
  input: { scope: QueueScope; filters: QueueFilters; decider: Decider },
): Promise<ReportQueue> {
  const { scope, filters, decider } = input;
  const open = filters.status === "open";
  const inScope = and(scopeCondition(scope), open ? eq(contentReports.status, "open") : undefined);
  const newest = sql<number>`max(${contentReports.id})`;
  const groups = await db
    .select({
      type: contentReports.subjectType,
      id: contentReports.subjectId,
      key: newest.mapWith(Number),
      reportCount: sql<number>`count(*)`.mapWith(Number),
      openCount: sql<number>`count(*) filter (where ${contentReports.status} = 'open')`.mapWith(Number),
      allianceId: sql<
        string | null
      >`(array_agg(${contentReports.allianceId} order by ${contentReports.id} desc))[1]`,
    })
    .from(contentReports)
    .where(and(inScope, filters.kind ? eq(contentReports.subjectType, filters.kind) : undefined))
    .groupBy(contentReports.subjectType, contentReports.subjectId)
    .having(
      and(
        open ? undefined : sql`bool_and(${contentReports.status} <> 'open')`,
        filters.before ? sql`${newest} < ${filters.before}` : undefined,
      ),
    )
    .orderBy(desc(newest))
    .limit(QUEUE_PAGE_SIZE + 1);
  const page = groups.slice(0, QUEUE_PAGE_SIZE);
  const ids = [...new Set(page.map((group) => group.id))];
  const allianceIds = [...new Set(page.flatMap((group) => (group.allianceId ? [group.allianceId] : [])))];

  const [reports, places, subjects, openCounts] = await Promise.all([
    ids.length > 0 ? pageReports(db, inScope, ids) : [],
    allianceIds.length > 0
      ? db
          .select({
            id: alliances.id,
            slug: alliances.slug,
            nameZh: alliances.nameZh,
            nameEn: alliances.nameEn,
          })
          .from(alliances)
          .where(inArray(alliances.id, allianceIds))
      : [],
    loadSubjects(db, page, decider),
    countOpen(db, scope),
  ]);

  const reportsOf = new Map<string, QueueReport[]>();
  for (const { subjectType, subjectId, ...report } of reports) {
    const key = `${subjectType}:${subjectId}`;
    reportsOf.set(key, [
      ...(reportsOf.get(key) ?? []),
      { ...report, createdAt: report.createdAt.toISOString() },
    ]);
  }
  const placeOf = new Map(places.map(({ id, ...place }) => [id, place]));
  const items = page.map((group): QueueItem => {
    const key = `${group.type}:${group.id}`;
    const subject = subjects.get(key);
    return {
      ...(subject ?? gone),
      type: group.type,
      id: group.id,
      alliance: group.allianceId ? (placeOf.get(group.allianceId) ?? null) : null,
      exists: subject !== undefined,
      openCount: group.openCount,
      reportCount: group.reportCount,
      reports: reportsOf.get(key) ?? [],
    };
  });
  return {
    items,
    nextBefore: groups.length > QUEUE_PAGE_SIZE ? page[page.length - 1].key : null,
    openCounts,
  };
}

/** The newest REPORTS_SHOWN reports of each subject on the page, in one query. */
async function pageReports(db: DbOrTx, inScope: SQL | undefined, ids: string[]) {
  const ranked = db
    .select({
      id: contentReports.id,
      subjectType: contentReports.subjectType,
      subjectId: contentReports.subjectId,
      reporterName: users.displayName,
      reason: contentReports.reason,
      status: contentReports.status,
      createdAt: contentReports.createdAt,
      rank: sql<number>`row_number() over (partition by ${contentReports.subjectType}, ${contentReports.subjectId}
        order by ${contentReports.id} desc)`.as("rank"),
    })
    .from(contentReports)
    .innerJoin(users, eq(users.id, contentReports.reporterId))
    .where(and(inScope, inArray(contentReports.subjectId, ids)))
    .as("ranked");
  const rows = await db.select().from(ranked).where(lte(ranked.rank, REPORTS_SHOWN)).orderBy(desc(ranked.id));
  return rows.map(({ rank: _rank, ...row }) => row);
}

async function countOpen(db: DbOrTx, scope: QueueScope): Promise<Record<QueueSubjectType, number>> {
  const rows = await db
    .select({
      type: contentReports.subjectType,
      subjects: sql<number>`count(distinct ${contentReports.subjectId})`.mapWith(Number),
    })
    .from(contentReports)
    .where(and(scopeCondition(scope), eq(contentReports.status, "open")))
    .groupBy(contentReports.subjectType);
  const counts = { problem: 0, problem_reply: 0, channel_message: 0, resource: 0 };
  for (const row of rows) counts[row.type] = row.subjects;
  return counts;
}

export type QueueAlliance = { id: string; slug: string; nameZh: string; nameEn: string };

/** Every alliance, for the platform queue's alliance filter. */
export async function queueAlliances(db: DbOrTx): Promise<QueueAlliance[]> {
  return db
    .select({ id: alliances.id, slug: alliances.slug, nameZh: alliances.nameZh, nameEn: alliances.nameEn })
    .from(alliances)
    .orderBy(asc(alliances.position), asc(alliances.slug));
}
