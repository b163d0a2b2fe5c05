import crypto from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { renderMarkdown } from "~/markdown/render.server";
import { markMentions, plainExcerpt } from "~/models/channel-message-text.server";
import type { Tx } from "~/utils/db.server";
import {
  auditLog,
  channelMembers,
  channelMessages,
  channels,
  contentReports,
  messageMentions,
  notifications,
} from "../schema/index";
import { channelSeeds, type ChannelSeed, type MessageSeed } from "./channel-conversations";
import type { AllianceRow, UserRow } from "./insert";
import { membershipSeeds } from "./memberships";

/**
 * The demo channels (channel-conversations.ts) written as the app would have written them: topic
 * channels with their creators (private ones with their invitations), messages rendered like
 * sendMessage renders them (Markdown, then mentions of people who can read the channel), their
 * mentions, one edited, one deleted, one hidden after a report; read positions that leave the demo's
 * chairs with something unread; mention notifications, the moderation's report, audit entry and notice.
 * Messages are keyed on fixed ids and channels on their slugs: seeding again changes nothing, and a
 * partly seeded database only gets what it lacks. Logs (notifications, audit) are written only with
 * the messages and channels this run created.
 */

type Context = { alliances: Map<string, AllianceRow>; users: Map<string, UserRow>; now: number };

const at = (name: string) => `${name}@demo.qilian.example`;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A stable id per seeded message (a name-based UUID), so seeding again recognizes what it wrote. */
export function channelMessageSeedId(alliance: string, slug: string, key: string): string {
  const hex = crypto
    .createHash("sha1")
    .update(`qilian-demo-channel-message:${alliance}/${slug}/${key}`)
    .digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`channel seed names an unknown ${what}: ${key}`);
  return value;
}

type ChannelRow = { id: string; allianceId: string; slug: string; name: string; createdAt: Date };

type Planned = {
  seed: MessageSeed;
  channel: ChannelSeed;
  row: typeof channelMessages.$inferInsert & { id: string; createdAt: Date };
  mentioned: string[];
};

export async function seedChannels(tx: Tx, context: Context): Promise<void> {
  const person = (name: string) => found(context.users, at(name), "user");
  const allianceOf = (seed: ChannelSeed) => found(context.alliances, seed.alliance, "alliance");

  const created = await tx
    .insert(channels)
    .values(
      channelSeeds
        .filter((seed) => seed.slug !== "general")
        .map((seed) => ({
          allianceId: allianceOf(seed).id,
          slug: seed.slug,
          name: seed.name ?? seed.slug,
          description: seed.description ?? "",
          kind: seed.kind ?? "open",
          createdById: person(seed.createdBy!).id,
          createdAt: new Date(context.now - (seed.daysAgo ?? 14) * DAY_MS),
        })),
    )
    .onConflictDoNothing({ target: [channels.allianceId, channels.slug] })
    .returning({ id: channels.id });
  const rows: ChannelRow[] = await tx
    .select({
      id: channels.id,
      allianceId: channels.allianceId,
      slug: channels.slug,
      name: channels.name,
      createdAt: channels.createdAt,
    })
    .from(channels)
    .where(inArray(channels.allianceId, [...new Set(channelSeeds.map((seed) => allianceOf(seed).id))]));
  const channelOf = (seed: ChannelSeed) => {
    const row = rows.find((r) => r.allianceId === allianceOf(seed).id && r.slug === seed.slug);
    if (!row) throw new Error(`channel seed: no channel ${seed.alliance}/${seed.slug}`);
    return row;
  };

  /** Who can read the channel: its alliance's active members, in a private one only those invited. */
  const readersOf = (seed: ChannelSeed): UserRow[] => {
    const members = membershipSeeds
      .filter((m) => m.alliance === seed.alliance && m.status === "active")
      .map((m) => found(context.users, m.email, "user"));
    if (seed.kind !== "private") return members;
    const invited = new Set([seed.createdBy!, ...(seed.invited ?? [])].map((name) => person(name).id));
    return members.filter((m) => invited.has(m.id));
  };

  const planned: Planned[] = channelSeeds.flatMap((seed) =>
    plan(seed, channelOf(seed), readersOf(seed), person, context.now),
  );
  // One statement in time order: `seq` then follows the conversation, as it would have when sent.
  planned.sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
  const fresh = new Set(
    (
      await tx
        .insert(channelMessages)
        .values(planned.map((p) => p.row))
        .onConflictDoNothing()
        .returning({ id: channelMessages.id })
    ).map((r) => r.id),
  );
  // A reply whose quoted message was deleted (with its author) and has just been written again.
  const replies = planned.filter((p) => p.row.replyToId);
  if (replies.length > 0) {
    await tx.execute(sql`
      update channel_messages m set reply_to_id = v.reply_to_id::uuid
      from (values ${sql.join(
        replies.map((p) => sql`(${p.row.id}, ${p.row.replyToId})`),
        sql`, `,
      )}) as v(id, reply_to_id)
      where m.id = v.id::uuid and m.reply_to_id is null`);
  }
  const mentions = planned.flatMap((p) => p.mentioned.map((userId) => ({ messageId: p.row.id, userId })));
  if (mentions.length > 0) await tx.insert(messageMentions).values(mentions).onConflictDoNothing();

  const seqs = new Map(
    (
      await tx
        .select({ id: channelMessages.id, seq: channelMessages.seq })
        .from(channelMessages)
        .where(
          inArray(
            channelMessages.id,
            planned.map((p) => p.row.id),
          ),
        )
    ).map((r) => [r.id, r.seq]),
  );
  const readPositions = new Map<string, number>();
  const memberRows = channelSeeds.flatMap((seed) => {
    const channel = channelOf(seed);
    const inChannel = planned
      .filter((p) => p.row.channelId === channel.id)
      .map((p) => ({ authorId: p.row.authorId, seq: seqs.get(p.row.id)!, at: p.row.createdAt }))
      .sort((a, b) => a.seq - b.seq);
    const creatorId = seed.createdBy ? person(seed.createdBy).id : null;
    return readersOf(seed).map((reader) => {
      const unread = Object.entries(seed.unread ?? {}).find(([name]) => at(name) === reader.email)?.[1] ?? 0;
      const upTo = inChannel[inChannel.length - 1 - unread]?.seq ?? 0;
      // Sending moves the sender's own read position to their message.
      const own = Math.max(0, ...inChannel.filter((m) => m.authorId === reader.id).map((m) => m.seq));
      const lastReadSeq = Math.max(upTo, own);
      readPositions.set(`${channel.id}/${reader.id}`, lastReadSeq);
      return {
        channelId: channel.id,
        userId: reader.id,
        lastReadSeq,
        invitedById: seed.kind === "private" && reader.id !== creatorId ? creatorId : null,
        joinedAt: seed.kind === "private" ? channel.createdAt : (inChannel[0]?.at ?? channel.createdAt),
      };
    });
  });
  await tx.insert(channelMembers).values(memberRows).onConflictDoNothing();
  await tx.execute(sql`
    update channels c set last_message_seq = m.newest
    from (select channel_id, max(seq) as newest from channel_messages
      where channel_id in (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )}) group by channel_id) m
    where c.id = m.channel_id and c.last_message_seq < m.newest`);

  const createdIds = new Set(created.map((c) => c.id));
  const channelAudit = channelSeeds
    .filter((seed) => seed.slug !== "general" && createdIds.has(channelOf(seed).id))
    .map((seed) => {
      const channel = channelOf(seed);
      return {
        action: "channel.created",
        actorId: person(seed.createdBy!).id,
        allianceId: channel.allianceId,
        data: {
          channelId: channel.id,
          channel: channel.name,
          slug: channel.slug,
          kind: seed.kind ?? "open",
          invited: seed.invited?.length ?? 0,
        },
        createdAt: channel.createdAt,
      };
    });
  if (channelAudit.length > 0) await tx.insert(auditLog).values(channelAudit);

  await seedModeration(tx, planned, fresh, context, channelOf);
  const notes = planned
    .filter((p) => fresh.has(p.row.id))
    .flatMap((p) => {
      const channel = channelOf(p.channel);
      const alliance = allianceOf(p.channel);
      const seq = seqs.get(p.row.id)!;
      // The shape sendMessage gives them (channel-message-notify.server.ts).
      return p.mentioned
        .filter((userId) => userId !== p.row.authorId)
        .map((userId) => ({
          userId,
          type: "channel.mention",
          data: {
            allianceId: alliance.id,
            allianceNameZh: alliance.nameZh,
            allianceNameEn: alliance.nameEn,
            channelId: channel.id,
            channel: channel.name,
            messageId: p.row.id,
            actor: person(p.seed.by).displayName,
            excerpt: plainExcerpt(p.row.bodyHtml),
          },
          href: `/channels/${channel.id}?message=${p.row.id}`,
          createdAt: p.row.createdAt,
          readAt:
            (readPositions.get(`${channel.id}/${userId}`) ?? 0) >= seq
              ? new Date(p.row.createdAt.getTime() + 20 * MINUTE_MS)
              : null,
        }));
    });
  if (notes.length > 0) await tx.insert(notifications).values(notes);
}

/** The rows of one channel's messages, checked against who may write and be mentioned there. */
function plan(
  seed: ChannelSeed,
  channel: ChannelRow,
  readers: UserRow[],
  person: (name: string) => UserRow,
  now: number,
): Planned[] {
  const candidates = readers.map((r) => ({ id: r.id, name: r.displayName }));
  const keys = new Set<string>();
  return seed.messages.map((message) => {
    const author = person(message.by);
    if (!readers.some((r) => r.id === author.id)) {
      throw new Error(`channel seed: ${message.by} cannot post in ${seed.alliance}/${seed.slug}`);
    }
    if (message.replyTo && !keys.has(message.replyTo)) {
      throw new Error(
        `channel seed: ${seed.alliance}/${seed.slug}/${message.key} replies to an unknown message`,
      );
    }
    keys.add(message.key);
    const createdAt = new Date(now - message.hoursAgo * HOUR_MS);
    const after = (minutes: number | undefined) =>
      minutes === undefined ? null : new Date(createdAt.getTime() + minutes * MINUTE_MS);
    const deleted = message.deletedAfterMinutes !== undefined;
    const marked = deleted
      ? { html: "", mentioned: [] }
      : markMentions(renderMarkdown(message.body), candidates);
    if (message.body.includes("@") && marked.mentioned.length === 0) {
      throw new Error(
        `channel seed: ${seed.alliance}/${seed.slug}/${message.key} mentions nobody who can read it`,
      );
    }
    const hidden = message.hidden;
    return {
      seed: message,
      channel: seed,
      mentioned: marked.mentioned,
      row: {
        id: channelMessageSeedId(seed.alliance, seed.slug, message.key),
        channelId: channel.id,
        authorId: author.id,
        body: deleted ? "" : message.body,
        bodyHtml: marked.html,
        replyToId: message.replyTo ? channelMessageSeedId(seed.alliance, seed.slug, message.replyTo) : null,
        clientKey: `demo:${seed.alliance}/${seed.slug}/${message.key}`,
        createdAt,
        editedAt: after(message.editedAfterMinutes),
        deletedAt: after(message.deletedAfterMinutes),
        deletedById: deleted ? author.id : null,
        hiddenAt: after(hidden?.afterMinutes),
        hiddenById: hidden ? person(hidden.moderator).id : null,
        hiddenReason: hidden?.reason ?? null,
      },
    };
  });
}

/** The hidden message's report (resolved by the hide), and for a fresh one its audit entry and notice. */
async function seedModeration(
  tx: Tx,
  planned: Planned[],
  fresh: Set<string>,
  context: Context,
  channelOf: (seed: ChannelSeed) => ChannelRow,
): Promise<void> {
  const person = (name: string) => found(context.users, at(name), "user");
  for (const { seed, channel: channelSeed, row } of planned) {
    const hidden = seed.hidden;
    if (!hidden || !row.hiddenAt) continue;
    const channel = channelOf(channelSeed);
    const alliance = found(context.alliances, channelSeed.alliance, "alliance");
    const moderatorId = person(hidden.moderator).id;
    await tx
      .insert(contentReports)
      .values({
        subjectType: "channel_message",
        subjectId: row.id,
        allianceId: alliance.id,
        reporterId: person(hidden.reporter).id,
        reason: hidden.report,
        status: "hidden",
        resolvedById: moderatorId,
        resolvedAt: row.hiddenAt,
        createdAt: new Date(row.hiddenAt.getTime() - 30 * MINUTE_MS),
      })
      .onConflictDoNothing();
    if (!fresh.has(row.id)) continue;
    await tx.insert(auditLog).values({
      action: "channel.message_hidden",
      actorId: moderatorId,
      subjectUserId: row.authorId,
      allianceId: alliance.id,
      reason: hidden.reason,
      data: { channelId: channel.id, channel: channel.name, messageId: row.id },
      createdAt: row.hiddenAt,
    });
    // The shape setMessageHidden gives it (channel-moderation.server.ts).
    await tx.insert(notifications).values({
      userId: row.authorId,
      type: "channel.message_hidden",
      data: {
        allianceId: alliance.id,
        allianceSlug: alliance.slug,
        allianceNameZh: alliance.nameZh,
        allianceNameEn: alliance.nameEn,
        channelId: channel.id,
        channel: channel.name,
        reason: hidden.reason,
      },
      href: `/channels/${channel.id}`,
      createdAt: row.hiddenAt,
      readAt: new Date(row.hiddenAt.getTime() + HOUR_MS),
    });
  }
}
