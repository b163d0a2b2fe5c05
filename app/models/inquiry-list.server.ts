import { and, count, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { inquiries, orgRepresentatives, resources, users } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { InquiryStatus } from "~/validation/inquiry";

export type InquiryListItem = {
  id: string;
  status: InquiryStatus;
  resourceId: string;
  resourceTitle: string;
  askerName: string;
  updatedAt: Date;
};

const PAGE = 30;

/**
 * The viewer's inquiries, most recently active first: those they sent, or those the organizations they
 * represent received (a platform admin's blanket rights add none). `before` is the last item of the
 * previous page, as "<updatedAt ISO>_<id>".
 */
export async function listInquiries(
  db: DbOrTx,
  userId: string,
  filter: { side: "sent" | "received"; status?: InquiryStatus; before?: string | null },
) {
  const side: SQL =
    filter.side === "sent"
      ? eq(inquiries.askerId, userId)
      : inArray(
          inquiries.resourceId,
          db
            .select({ id: resources.id })
            .from(resources)
            .innerJoin(orgRepresentatives, eq(orgRepresentatives.orgId, resources.orgId))
            .where(eq(orgRepresentatives.userId, userId)),
        );
  const conditions: SQL[] = [side];
  if (filter.status) conditions.push(eq(inquiries.status, filter.status));
  // Milliseconds, as the cursor carries them: the column keeps microseconds.
  const at = sql<Date>`date_trunc('milliseconds', ${inquiries.updatedAt})`;
  const cursor = parseCursor(filter.before);
  if (cursor) {
    const when = sql`${cursor.at.toISOString()}::timestamptz`;
    conditions.push(or(sql`${at} < ${when}`, and(sql`${at} = ${when}`, lt(inquiries.id, cursor.id))) as SQL);
  }
  const rows = await db
    .select({
      id: inquiries.id,
      status: inquiries.status,
      resourceId: inquiries.resourceId,
      resourceTitle: resources.title,
      askerName: users.displayName,
      updatedAt: inquiries.updatedAt,
    })
    .from(inquiries)
    .innerJoin(resources, eq(resources.id, inquiries.resourceId))
    .innerJoin(users, eq(users.id, inquiries.askerId))
    .where(and(...conditions))
    .orderBy(desc(at), desc(inquiries.id))
    .limit(PAGE + 1);
  const counts = await db
    .select({ status: inquiries.status, n: count() })
    .from(inquiries)
    .where(side)
    .groupBy(inquiries.status);
  const items: InquiryListItem[] = rows.slice(0, PAGE);
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > PAGE && last ? `${last.updatedAt.toISOString()}_${last.id}` : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<InquiryStatus, number>>,
  };
}

function parseCursor(value: string | null | undefined): { at: Date; id: string } | null {
  if (!value) return null;
  const [iso, id] = value.split("_");
  const at = new Date(iso ?? "");
  if (Number.isNaN(at.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at, id };
}
