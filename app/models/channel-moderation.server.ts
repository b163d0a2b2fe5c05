import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { channelMessages, contentReports, users } from "../../db/schema/index";
import { channelTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { transact } from "./activity.server";
import { recordAudit } from "./audit.server";
import type { ChannelRef } from "./channel-access.server";
import { messageView } from "./channel-message-view.server";
import {
  dismissOpenReport,
  fileReport,
  resolveReportsByHiding,
  type ReportResult,
} from "./content-reports.server";
import { notify } from "./notifications.server";

/**
 * Reports about channel messages, and organizers hiding (with a reason shown in the message's place),
 * restoring, or dismissing them (ADR 0010: one report queue; the hidden state lives on the row).
 * Hiding resolves the message's open reports; restoring leaves them resolved (the decision was made).
 * Every decision is audited in its transaction; readers see a hide or restore live on the channel's
 * topic as `message.updated`.
 */

type ModerationServices = Pick<Services, "db" | "realtime">;

const author = alias(users, "author");
const reporter = alias(users, "reporter");

/** The channel's message with this id, unless deleted (nothing is left to report or hide). */
async function findMessage(db: DbOrTx, channel: ChannelRef, messageId: string) {
  const [row] = await db
    .select({ id: channelMessages.id, authorId: channelMessages.authorId })
    .from(channelMessages)
    .where(
      and(
        eq(channelMessages.id, messageId),
        eq(channelMessages.channelId, channel.id),
        isNull(channelMessages.deletedAt),
      ),
    );
  return row ?? null;
}

/** One report per person and message: a second one changes nothing and says so. */
export async function reportMessage(
  db: DbOrTx,
  channel: ChannelRef,
  reporterId: string,
  input: { messageId: string; reason: string },
): Promise<ReportResult> {
  if (!(await findMessage(db, channel, input.messageId))) return "unknown";
  return fileReport(db, {
    subject: { type: "channel_message", id: input.messageId },
    allianceId: channel.allianceId,
    reporterId,
    reason: input.reason,
  });
}

export type ModerationResult = "changed" | "unchanged" | "unknown";

/** Hides (`reason` shown in its place) or restores a message of the channel. */
export async function setMessageHidden(
  services: ModerationServices,
  channel: ChannelRef,
  actorId: string,
  input: { messageId: string; hide: boolean; reason: string },
): Promise<ModerationResult> {
  const { messageId, hide, reason } = input;
  return transact(services, async (tx, publish) => {
    const message = await findMessage(tx, channel, messageId);
    if (!message) return "unknown";
    const now = new Date();
    const changed = await tx
      .update(channelMessages)
      .set(
        hide
          ? { hiddenAt: now, hiddenById: actorId, hiddenReason: reason }
          : { hiddenAt: null, hiddenById: null, hiddenReason: null },
      )
      .where(
        and(
          eq(channelMessages.id, messageId),
          hide ? isNull(channelMessages.hiddenAt) : isNotNull(channelMessages.hiddenAt),
        ),
      )
      .returning({ id: channelMessages.id });
    if (changed.length === 0) return "unchanged";
    if (hide) await resolveReportsByHiding(tx, { type: "channel_message", id: messageId }, actorId, now);
    await recordAudit(tx, {
      action: hide ? "channel.message_hidden" : "channel.message_restored",
      actorId,
      subjectUserId: message.authorId,
      allianceId: channel.allianceId,
      reason,
      data: { channelId: channel.id, channel: channel.name, messageId },
    });
    // As every reader sees it (no Markdown source): live payloads are shared.
    const view = await messageView(tx, null, messageId);
    if (view) {
      publish({
        topic: channelTopic(channel.id),
        type: "message.updated",
        payload: { message: view },
        actorId,
      });
    }
    if (hide && message.authorId !== actorId) {
      await notify(tx, publish, {
        userId: message.authorId,
        type: "channel.message_hidden",
        data: {
          allianceId: channel.allianceId,
          allianceSlug: channel.allianceSlug,
          allianceNameZh: channel.allianceNameZh,
          allianceNameEn: channel.allianceNameEn,
          channelId: channel.id,
          channel: channel.name,
          reason,
        },
        href: `/channels/${channel.id}`,
      });
    }
    return "changed";
  });
}

export const hideMessage = (
  services: ModerationServices,
  channel: ChannelRef,
  actorId: string,
  input: { messageId: string; reason: string },
) => setMessageHidden(services, channel, actorId, { ...input, hide: true });

export const restoreMessage = (
  services: ModerationServices,
  channel: ChannelRef,
  actorId: string,
  input: { messageId: string; reason?: string },
) =>
  setMessageHidden(services, channel, actorId, {
    messageId: input.messageId,
    hide: false,
    reason: input.reason ?? "",
  });

/** Closes an open report about one of the channel's messages without hiding anything. */
export const dismissReport = (
  services: ModerationServices,
  channel: ChannelRef,
  actorId: string,
  reportId: number,
) => dismissReports(services, channel, actorId, [reportId]);

/**
 * Closes open reports about the channel's messages in one transaction, each logged; "unknown" when none
 * of them was still open and about this channel.
 */
export async function dismissReports(
  services: ModerationServices,
  channel: ChannelRef,
  actorId: string,
  reportIds: readonly number[],
): Promise<ModerationResult> {
  return transact(services, async (tx) => {
    const about = and(
      eq(contentReports.subjectType, "channel_message"),
      inArray(
        contentReports.subjectId,
        tx
          .select({ id: channelMessages.id })
          .from(channelMessages)
          .where(eq(channelMessages.channelId, channel.id)),
      ),
    )!;
    let dismissed = 0;
    for (const reportId of reportIds) {
      const report = await dismissOpenReport(tx, reportId, actorId, about);
      if (!report) continue;
      dismissed += 1;
      await recordAudit(tx, {
        action: "channel.report_dismissed",
        actorId,
        subjectUserId: report.reporterId,
        allianceId: channel.allianceId,
        data: { channelId: channel.id, channel: channel.name, messageId: report.subjectId },
      });
    }
    return dismissed > 0 ? "changed" : "unknown";
  });
}

export type QueueReport = { id: number; reporterName: string; reason: string; createdAt: string };

export type QueueMessage = {
  id: string;
  authorName: string;
  /** Sanitized HTML as rendered when it was written; shown to moderators even while hidden. */
  bodyHtml: string;
  createdAt: string;
  hiddenReason: string | null;
  hidden: boolean;
  reports: QueueReport[];
};

export type ModerationQueue = {
  /** Messages with open reports, oldest report first, each with its reports. */
  reported: QueueMessage[];
  /** The latest hidden messages, newest first, to restore. */
  hidden: QueueMessage[];
};

/** Bounds the page: a queue longer than this is worked through from the top. */
const QUEUE_MAX = 100;

/** The channel's moderation page: open reports grouped by message, and what was hidden lately. */
export async function getModerationQueue(db: DbOrTx, channel: ChannelRef): Promise<ModerationQueue> {
  const messageColumns = {
    id: channelMessages.id,
    authorName: author.displayName,
    bodyHtml: channelMessages.bodyHtml,
    createdAt: channelMessages.createdAt,
    hiddenAt: channelMessages.hiddenAt,
    hiddenReason: channelMessages.hiddenReason,
  };
  const [reports, hidden] = await Promise.all([
    db
      .select({
        ...messageColumns,
        reportId: contentReports.id,
        reporterName: reporter.displayName,
        reason: contentReports.reason,
        reportedAt: contentReports.createdAt,
      })
      .from(contentReports)
      .innerJoin(channelMessages, eq(channelMessages.id, contentReports.subjectId))
      .innerJoin(author, eq(author.id, channelMessages.authorId))
      .innerJoin(reporter, eq(reporter.id, contentReports.reporterId))
      .where(
        and(
          eq(contentReports.allianceId, channel.allianceId),
          eq(contentReports.subjectType, "channel_message"),
          eq(contentReports.status, "open"),
          eq(channelMessages.channelId, channel.id),
          isNull(channelMessages.deletedAt),
        ),
      )
      .orderBy(asc(contentReports.id))
      .limit(QUEUE_MAX),
    db
      .select(messageColumns)
      .from(channelMessages)
      .innerJoin(author, eq(author.id, channelMessages.authorId))
      .where(
        and(
          eq(channelMessages.channelId, channel.id),
          isNotNull(channelMessages.hiddenAt),
          isNull(channelMessages.deletedAt),
        ),
      )
      .orderBy(desc(channelMessages.hiddenAt))
      .limit(QUEUE_MAX),
  ]);
  const toMessage = (row: (typeof hidden)[number]): QueueMessage => ({
    id: row.id,
    authorName: row.authorName,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    reports: [],
  });
  const reported = new Map<string, QueueMessage>();
  for (const row of reports) {
    const message = reported.get(row.id) ?? toMessage(row);
    message.reports.push({
      id: row.reportId,
      reporterName: row.reporterName,
      reason: row.reason,
      createdAt: row.reportedAt.toISOString(),
    });
    reported.set(row.id, message);
  }
  // A hidden message reported again is decided in the first list.
  const unreported = hidden.filter((row) => !reported.has(row.id));
  return { reported: [...reported.values()], hidden: unreported.map(toMessage) };
}
