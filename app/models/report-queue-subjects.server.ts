import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  channelMembers,
  channelMessages,
  channels,
  organizations,
  problemReplies,
  problems,
  resourceAlliances,
  resources,
  users,
} from "../../db/schema/index";
import { qualified, type DbOrTx } from "~/utils/db.server";
import type { QueueSubjectType } from "~/validation/report-queue";
import { plainExcerpt } from "./channel-message-text.server";

/**
 * What the review queue shows of each reported subject, one query per kind for a whole page. `decide`
 * foresees the subject's own rule (problem.moderate, channel.moderate, resource.moderate) for who is
 * looking, so a card offers only decisions that will be accepted; the decision checks the rule again.
 */

export type SubjectInfo = {
  /** The problem's or resource's title, or an excerpt; null when this viewer may not read it. */
  preview: string | null;
  authorName: string | null;
  href: string | null;
  problem: { id: string; title: string } | null;
  channel: { id: string; name: string } | null;
  organization: { nameZh: string; nameEn: string } | null;
  hidden: { at: string; byName: string | null; reason: string } | null;
  /** A deleted message: nothing is left to hide, only its reports to dismiss. */
  deleted: boolean;
  decide: boolean;
};

/** Who looks: a platform admin decides everything; an organizer what lies in the alliance whose queue it is. */
export type Decider = { userId: string; admin: boolean; allianceId: string | null };

const author = alias(users, "author");
const hider = alias(users, "hider");

const EXCERPT = 140;

/** Markdown source as one line of text, cut like a message excerpt. */
const textExcerpt = (body: string) => {
  const chars = [...body.replace(/\s+/g, " ").trim()];
  return chars.length <= EXCERPT ? chars.join("") : `${chars.slice(0, EXCERPT - 1).join("")}…`;
};

type Hidden = { hiddenAt: Date | null; hiddenReason: string | null; hiderName: string | null };
const hiddenState = (row: Hidden): SubjectInfo["hidden"] =>
  row.hiddenAt
    ? { at: row.hiddenAt.toISOString(), byName: row.hiderName, reason: row.hiddenReason ?? "" }
    : null;

const inAlliance = (decider: Decider, allianceId: string | null) =>
  decider.admin || (allianceId !== null && allianceId === decider.allianceId);

const base = { problem: null, channel: null, organization: null, deleted: false };

async function problemSubjects(db: DbOrTx, ids: string[], decider: Decider) {
  const rows = await db
    .select({
      id: problems.id,
      title: problems.title,
      allianceId: problems.allianceId,
      authorName: author.displayName,
      hiddenAt: problems.hiddenAt,
      hiddenReason: problems.hiddenReason,
      hiderName: hider.displayName,
    })
    .from(problems)
    .innerJoin(author, eq(author.id, problems.authorId))
    .leftJoin(hider, eq(hider.id, problems.hiddenById))
    .where(inArray(problems.id, ids));
  return rows.map((row): [string, SubjectInfo] => [
    row.id,
    {
      ...base,
      preview: row.title,
      authorName: row.authorName,
      href: `/problems/${row.id}`,
      hidden: hiddenState(row),
      decide: inAlliance(decider, row.allianceId),
    },
  ]);
}

async function replySubjects(db: DbOrTx, ids: string[], decider: Decider) {
  const rows = await db
    .select({
      id: problemReplies.id,
      body: problemReplies.body,
      problemId: problems.id,
      problemTitle: problems.title,
      allianceId: problems.allianceId,
      authorName: author.displayName,
      hiddenAt: problemReplies.hiddenAt,
      hiddenReason: problemReplies.hiddenReason,
      hiderName: hider.displayName,
    })
    .from(problemReplies)
    .innerJoin(problems, eq(problems.id, problemReplies.problemId))
    .innerJoin(author, eq(author.id, problemReplies.authorId))
    .leftJoin(hider, eq(hider.id, problemReplies.hiddenById))
    .where(inArray(problemReplies.id, ids));
  return rows.map((row): [string, SubjectInfo] => [
    row.id,
    {
      ...base,
      preview: textExcerpt(row.body),
      authorName: row.authorName,
      href: `/problems/${row.problemId}#replies`,
      problem: { id: row.problemId, title: row.problemTitle },
      hidden: hiddenState(row),
      decide: inAlliance(decider, row.allianceId),
    },
  ]);
}

async function messageSubjects(db: DbOrTx, ids: string[], decider: Decider) {
  const rows = await db
    .select({
      id: channelMessages.id,
      bodyHtml: channelMessages.bodyHtml,
      deletedAt: channelMessages.deletedAt,
      channelId: channels.id,
      channelName: channels.name,
      channelKind: channels.kind,
      allianceId: channels.allianceId,
      invited: sql<boolean>`${channelMembers.userId} is not null`,
      authorName: author.displayName,
      hiddenAt: channelMessages.hiddenAt,
      hiddenReason: channelMessages.hiddenReason,
      hiderName: hider.displayName,
    })
    .from(channelMessages)
    .innerJoin(channels, eq(channels.id, channelMessages.channelId))
    .innerJoin(author, eq(author.id, channelMessages.authorId))
    .leftJoin(hider, eq(hider.id, channelMessages.hiddenById))
    .leftJoin(
      channelMembers,
      and(eq(channelMembers.channelId, channels.id), eq(channelMembers.userId, decider.userId)),
    )
    .where(inArray(channelMessages.id, ids));
  return rows.map((row): [string, SubjectInfo] => {
    // A private channel is for the people in it and operators (canSeeChannel): others learn nothing of it.
    const readable = decider.admin || row.channelKind !== "private" || row.invited;
    const deleted = row.deletedAt !== null;
    return [
      row.id,
      {
        ...base,
        preview: readable ? (deleted ? "" : plainExcerpt(row.bodyHtml, EXCERPT)) : null,
        authorName: readable ? row.authorName : null,
        href: readable ? `/channels/${row.channelId}?message=${row.id}` : null,
        channel: readable ? { id: row.channelId, name: row.channelName } : null,
        hidden: hiddenState(row),
        deleted,
        // A deleted message cannot be hidden, but its reports can still be dismissed.
        decide: readable && inAlliance(decider, row.allianceId),
      },
    ];
  });
}

async function resourceSubjects(db: DbOrTx, ids: string[], decider: Decider) {
  const rows = await db
    .select({
      id: resources.id,
      title: resources.title,
      orgNameZh: organizations.nameZh,
      orgNameEn: organizations.nameEn,
      sharedWith: sql<string[]>`array(select ${resourceAlliances.allianceId} from ${resourceAlliances}
        where ${resourceAlliances.resourceId} = ${qualified(resources.id)})`,
      authorName: author.displayName,
      hiddenAt: resources.hiddenAt,
      hiddenReason: resources.hiddenReason,
      hiderName: hider.displayName,
    })
    .from(resources)
    .innerJoin(organizations, eq(organizations.id, resources.orgId))
    .leftJoin(author, eq(author.id, resources.createdById))
    .leftJoin(hider, eq(hider.id, resources.hiddenById))
    .where(inArray(resources.id, ids));
  return rows.map((row): [string, SubjectInfo] => [
    row.id,
    {
      ...base,
      preview: row.title,
      authorName: row.authorName,
      href: `/resources/${row.id}`,
      organization: { nameZh: row.orgNameZh, nameEn: row.orgNameEn },
      hidden: hiddenState(row),
      // Its moderators are the organizers of the alliances it is shared with (resourceAccess).
      decide: decider.admin || (decider.allianceId !== null && row.sharedWith.includes(decider.allianceId)),
    },
  ]);
}

const loaders = {
  problem: problemSubjects,
  problem_reply: replySubjects,
  channel_message: messageSubjects,
  resource: resourceSubjects,
} satisfies Record<QueueSubjectType, unknown>;

/** The subjects of one page, keyed `type:id`; at most one query per kind, whatever the page holds. */
export async function loadSubjects(
  db: DbOrTx,
  subjects: readonly { type: QueueSubjectType; id: string }[],
  decider: Decider,
): Promise<Map<string, SubjectInfo>> {
  const byKind = new Map<QueueSubjectType, string[]>();
  for (const { type, id } of subjects) byKind.set(type, [...(byKind.get(type) ?? []), id]);
  const found = await Promise.all(
    [...byKind].map(async ([type, ids]) =>
      (await loaders[type](db, ids, decider)).map(([id, info]) => [`${type}:${id}`, info] as const),
    ),
  );
  return new Map(found.flat());
}
