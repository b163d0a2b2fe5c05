import { asc, eq, sql } from "drizzle-orm";
import { inquiries, inquiryMessages, organizations, problems, users } from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { undecided } from "~/validation/inquiry";
import type { InquiryRef } from "./resource-access.server";

export type ThreadMessage = {
  id: number;
  authorName: string;
  provider: boolean;
  html: string;
  createdAt: Date;
};

/** The inquiry's page: who asked what, for which problem, and the thread, oldest first. */
export async function getThread(db: DbOrTx, inquiry: InquiryRef, viewer: Viewer) {
  const [row] = await db
    .select({
      id: inquiries.id,
      status: inquiries.status,
      message: inquiries.message,
      intendedUse: inquiries.intendedUse,
      createdAt: inquiries.createdAt,
      decidedAt: inquiries.decidedAt,
      askerId: inquiries.askerId,
      askerName: users.displayName,
      askerOrgZh: organizations.nameZh,
      askerOrgEn: organizations.nameEn,
      problemId: problems.id,
      problemTitle: problems.title,
      // The provider sees which problem only when the problem is public; the asker always does.
      problemShown: sql<boolean>`${problems.id} is not null and (${inquiries.askerId} = ${viewer?.id ?? ""}
        or (${problems.visibility} = 'public' and ${problems.hiddenAt} is null))`,
    })
    .from(inquiries)
    .innerJoin(users, eq(users.id, inquiries.askerId))
    .leftJoin(organizations, eq(organizations.id, inquiries.askerOrgId))
    .leftJoin(problems, eq(problems.id, inquiries.problemId))
    .where(eq(inquiries.id, inquiry.id));
  if (!row) return null;
  const [provider] = await db
    .select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, inquiry.resource.orgId));
  const messages = await db
    .select({
      id: inquiryMessages.id,
      authorId: inquiryMessages.authorId,
      authorName: users.displayName,
      body: inquiryMessages.body,
      createdAt: inquiryMessages.createdAt,
    })
    .from(inquiryMessages)
    .leftJoin(users, eq(users.id, inquiryMessages.authorId))
    .where(eq(inquiryMessages.inquiryId, inquiry.id))
    .orderBy(asc(inquiryMessages.id));
  const { problemId, problemTitle, problemShown, askerOrgZh, askerOrgEn, ...rest } = row;
  return {
    ...rest,
    messageHtml: renderMarkdown(row.message),
    askerOrg: askerOrgZh !== null && askerOrgEn !== null ? { nameZh: askerOrgZh, nameEn: askerOrgEn } : null,
    problem: problemShown && problemId && problemTitle ? { id: problemId, title: problemTitle } : null,
    providerOrg: provider ?? null,
    messages: messages.map((m): ThreadMessage => ({
      id: m.id,
      authorName: m.authorName ?? "",
      provider: m.authorId !== row.askerId,
      html: renderMarkdown(m.body),
      createdAt: m.createdAt,
    })),
  };
}

/** What the thread page lets the viewer do. */
export function threadActions(inquiry: InquiryRef) {
  const pending = undecided.includes(inquiry.status);
  const closed = inquiry.status === "declined" || inquiry.status === "withdrawn";
  return {
    message: !closed,
    decide: inquiry.provider && pending,
    withdraw: !inquiry.provider && pending,
  };
}
