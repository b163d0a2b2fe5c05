import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import {
  inquiries,
  inquiryMessages,
  organizations,
  orgRepresentatives,
  problems,
  resources,
  users,
} from "../../db/schema/index";
import { renderMarkdown } from "~/markdown/render.server";
import { inquiryTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx, Tx } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { undecided, type AskInput, type InquiryDecision, type InquiryStatus } from "~/validation/inquiry";
import { transact, type Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";
import type { RepresentedOrg } from "./representation.server";
import type { InquiryRef, ResourceRef } from "./resource-access.server";

/**
 * Inquiries: a member asks a resource's provider about it; the provider (the organization's
 * representatives) answers in the thread and accepts or declines; the asker replies or withdraws.
 * Callers have asked `resourceAccess` / `inquiryAccess` whether the viewer may see the resource or the
 * inquiry; this module checks the record rules inside the transaction that writes, under a lock, so a
 * concurrent decision cannot slip between check and write.
 *
 * `open` means the provider's turn, `answered` the asker's: a provider's message answers an open
 * inquiry, the asker's reopens an answered one. `resources.inquiry_count` counts every inquiry a
 * resource received, whatever became of it: organizers see that number and nothing else.
 */

type InquiryServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string };

export type InquiryError = "closed" | "problemNotOwn" | "orgNotRepresented" | "notAllowed" | "decided";

export type AskOutcome = { ok: true; id: string; existing: boolean } | { ok: false; error: InquiryError };
export type Outcome = { ok: true } | { ok: false; error: InquiryError };

const link = (inquiryId: string) => `/inquiries/${inquiryId}`;

/** The first lines of a message, for a notification. */
const excerpt = (body: string) => (body.length > 80 ? `${body.slice(0, 79)}…` : body);

/**
 * Who hears of an inquiry for the provider: the resource's contact person while they still represent
 * the organization, else every representative. Never the person who just acted.
 */
async function providerRecipients(
  tx: Tx,
  resource: { orgId: string; contactUserId: string | null },
  actorId: string,
): Promise<string[]> {
  const reps = await tx
    .select({ userId: orgRepresentatives.userId })
    .from(orgRepresentatives)
    .where(eq(orgRepresentatives.orgId, resource.orgId));
  const ids = reps.map((r) => r.userId);
  const chosen =
    resource.contactUserId && ids.includes(resource.contactUserId) ? [resource.contactUserId] : ids;
  return chosen.filter((id) => id !== actorId);
}

/** The asker's own problems, newest first, for "for my problem". */
async function ownProblems(db: DbOrTx, userId: string) {
  return db
    .select({ id: problems.id, title: problems.title })
    .from(problems)
    .where(and(eq(problems.authorId, userId), isNull(problems.hiddenAt)))
    .orderBy(desc(problems.createdAt))
    .limit(50);
}

async function representedOrgs(db: DbOrTx, userId: string): Promise<RepresentedOrg[]> {
  return db
    .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(orgRepresentatives)
    .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(eq(orgRepresentatives.userId, userId))
    .orderBy(asc(organizations.nameZh));
}

export type InquiryPanel = {
  /** The ask form's choices, when the viewer may ask now. */
  ask: { problems: { id: string; title: string }[]; orgs: RepresentedOrg[] } | null;
  /** The viewer's latest inquiry about this resource. */
  mine: { id: string; status: InquiryStatus } | null;
  /** For the provider: how many it received, how many wait for an answer. */
  received: { total: number; waiting: number } | null;
  /** A visitor is invited to log in. */
  signIn: boolean;
  /** Withdrawn or hidden: no new inquiries. */
  unavailable: boolean;
};

/** What the resource page's inquiry panel shows the viewer. */
export async function inquiryPanel(db: DbOrTx, viewer: Viewer, resource: ResourceRef): Promise<InquiryPanel> {
  const unavailable = resource.withdrawnAt !== null || resource.hiddenAt !== null;
  if (!viewer) return { ask: null, mine: null, received: null, signIn: !unavailable, unavailable };
  if (resource.represents) {
    const [row] = await db
      .select({
        total: resources.inquiryCount,
        waiting: sql<number>`(select count(*)::int from ${inquiries}
          where ${inquiries.resourceId} = ${resource.id} and ${inquiries.status} = 'open')`,
      })
      .from(resources)
      .where(eq(resources.id, resource.id));
    return { ask: null, mine: null, received: row ?? { total: 0, waiting: 0 }, signIn: false, unavailable };
  }
  const [mine] = await db
    .select({ id: inquiries.id, status: inquiries.status })
    .from(inquiries)
    .where(and(eq(inquiries.resourceId, resource.id), eq(inquiries.askerId, viewer.id)))
    .orderBy(desc(inquiries.createdAt))
    .limit(1);
  const open = resource.inquire && !unavailable;
  const pending = mine !== undefined && undecided.includes(mine.status);
  const ask =
    open && !pending
      ? { problems: await ownProblems(db, viewer.id), orgs: await representedOrgs(db, viewer.id) }
      : null;
  return { ask, mine: mine ?? null, received: null, signIn: false, unavailable };
}

/**
 * Asks the provider. One undecided inquiry per asker and resource (the partial unique index decides,
 * even for two submits at once): asking again while one is open returns that one.
 */
export async function askAbout(
  services: InquiryServices,
  resource: ResourceRef,
  asker: Person,
  input: AskInput,
): Promise<AskOutcome> {
  return transact(services, async (tx, publish) => {
    // Serializes asks about this resource (and the counter) with withdrawal and hiding.
    const [current] = await tx
      .select({
        title: resources.title,
        orgId: resources.orgId,
        contactUserId: resources.contactUserId,
        withdrawnAt: resources.withdrawnAt,
        hiddenAt: resources.hiddenAt,
      })
      .from(resources)
      .where(eq(resources.id, resource.id))
      .for("no key update");
    if (!current || current.withdrawnAt || current.hiddenAt) return { ok: false, error: "closed" };
    if (input.problemId) {
      const [own] = await tx
        .select({ id: problems.id })
        .from(problems)
        .where(and(eq(problems.id, input.problemId), eq(problems.authorId, asker.id)));
      if (!own) return { ok: false, error: "problemNotOwn" };
    }
    if (input.orgId) {
      const [represents] = await tx
        .select({ orgId: orgRepresentatives.orgId })
        .from(orgRepresentatives)
        .where(and(eq(orgRepresentatives.orgId, input.orgId), eq(orgRepresentatives.userId, asker.id)));
      if (!represents) return { ok: false, error: "orgNotRepresented" };
    }
    const [written] = await tx
      .insert(inquiries)
      .values({
        resourceId: resource.id,
        askerId: asker.id,
        askerOrgId: input.orgId ?? null,
        problemId: input.problemId ?? null,
        message: input.message,
        intendedUse: input.intendedUse,
      })
      .onConflictDoNothing({
        target: [inquiries.resourceId, inquiries.askerId],
        where: sql`${inquiries.status} in ('open', 'answered')`,
      })
      .returning({ id: inquiries.id });
    if (!written) {
      const [existing] = await tx
        .select({ id: inquiries.id })
        .from(inquiries)
        .where(
          and(
            eq(inquiries.resourceId, resource.id),
            eq(inquiries.askerId, asker.id),
            inArray(inquiries.status, [...undecided]),
          ),
        );
      return { ok: true, id: existing.id, existing: true };
    }
    await tx
      .update(resources)
      .set({ inquiryCount: sql`${resources.inquiryCount} + 1` })
      .where(eq(resources.id, resource.id));
    publish({
      topic: inquiryTopic(written.id),
      type: "inquiry.created",
      payload: { status: "open" },
      actorId: asker.id,
    });
    const recipients = await providerRecipients(tx, current, asker.id);
    await notifyAll(
      tx,
      publish,
      recipients.map((userId) => ({
        userId,
        type: "resource.inquiry",
        data: { actor: asker.displayName, resource: current.title },
        href: link(written.id),
      })),
    );
    return { ok: true, id: written.id, existing: false };
  });
}

/** The inquiry's row, locked for the rest of the transaction, with what notifications need. */
async function lockInquiry(tx: Tx, inquiryId: string) {
  const [row] = await tx
    .select({
      status: inquiries.status,
      askerId: inquiries.askerId,
      resourceId: inquiries.resourceId,
      title: resources.title,
      orgId: resources.orgId,
      contactUserId: resources.contactUserId,
    })
    .from(inquiries)
    .innerJoin(resources, eq(resources.id, inquiries.resourceId))
    .where(eq(inquiries.id, inquiryId))
    .for("update", { of: inquiries });
  return row;
}

/** Tells the other party: the asker when the provider acted, the provider when the asker did. */
async function tellOtherParty(
  tx: Tx,
  publish: Publish,
  inquiry: InquiryRef,
  row: { askerId: string; orgId: string; contactUserId: string | null },
  actorId: string,
  message: { type: string; data: Record<string, unknown> },
) {
  const recipients = inquiry.provider
    ? [row.askerId].filter((id) => id !== actorId)
    : await providerRecipients(tx, row, actorId);
  await notifyAll(
    tx,
    publish,
    recipients.map((userId) => ({ userId, ...message, href: link(inquiry.id) })),
  );
}

async function insertMessage(tx: Tx, publish: Publish, inquiryId: string, authorId: string, body: string) {
  const [message] = await tx
    .insert(inquiryMessages)
    .values({ inquiryId, authorId, body })
    .returning({ id: inquiryMessages.id });
  publish({
    topic: inquiryTopic(inquiryId),
    type: "inquiry.message",
    payload: { messageId: message.id },
    actorId: authorId,
  });
}

/**
 * A message in the thread from either side. A declined or withdrawn inquiry is closed; an accepted
 * one goes on (the two sides now work it out).
 */
export async function postMessage(
  services: InquiryServices,
  inquiry: InquiryRef,
  author: Person,
  body: string,
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    const row = await lockInquiry(tx, inquiry.id);
    if (!row) return { ok: false, error: "closed" };
    if (row.status === "declined" || row.status === "withdrawn") return { ok: false, error: "closed" };
    const next: InquiryStatus =
      row.status === "accepted" ? "accepted" : inquiry.provider ? "answered" : "open";
    await insertMessage(tx, publish, inquiry.id, author.id, body);
    await tx
      .update(inquiries)
      .set({ status: next, updatedAt: new Date() })
      .where(eq(inquiries.id, inquiry.id));
    if (next !== row.status) {
      publish({
        topic: inquiryTopic(inquiry.id),
        type: "inquiry.status",
        payload: { status: next },
        actorId: author.id,
      });
    }
    await tellOtherParty(tx, publish, inquiry, row, author.id, {
      type: "inquiry.message",
      data: { actor: author.displayName, resource: row.title, excerpt: excerpt(body) },
    });
    return { ok: true };
  });
}

const outcomeOf = { accept: "accepted", decline: "declined", withdraw: "withdrawn" } as const;

/**
 * The provider accepts or declines, the asker withdraws — each only while the inquiry is undecided.
 * A note, if given, is the thread's last word before the decision.
 */
export async function decideInquiry(
  services: InquiryServices,
  inquiry: InquiryRef,
  actor: Person,
  decision: { intent: InquiryDecision; note: string },
): Promise<Outcome> {
  const byProvider = decision.intent !== "withdraw";
  if (byProvider !== inquiry.provider) return { ok: false, error: "notAllowed" };
  return transact(services, async (tx, publish) => {
    const row = await lockInquiry(tx, inquiry.id);
    if (!row) return { ok: false, error: "closed" };
    if (!undecided.includes(row.status)) return { ok: false, error: "decided" };
    if (decision.note) await insertMessage(tx, publish, inquiry.id, actor.id, decision.note);
    const status = outcomeOf[decision.intent];
    const now = new Date();
    await tx
      .update(inquiries)
      .set({ status, decidedAt: now, updatedAt: now })
      .where(eq(inquiries.id, inquiry.id));
    publish({
      topic: inquiryTopic(inquiry.id),
      type: "inquiry.status",
      payload: { status },
      actorId: actor.id,
    });
    await tellOtherParty(tx, publish, inquiry, row, actor.id, {
      type: "inquiry.status",
      data: { actor: actor.displayName, resource: row.title, outcome: status },
    });
    return { ok: true };
  });
}

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
