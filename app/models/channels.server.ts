import crypto from "node:crypto";
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { channelMembers, channels, memberships } from "../../db/schema/index";
import type { MessageKey } from "~/i18n/dictionary";
import { allianceTopic, channelTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx, Tx } from "~/utils/db.server";
import { CHANNEL_SLUG_MAX, type ChannelCreateInput, type ChannelEditInput } from "~/validation/channel";
import { transact, type Publish } from "./activity.server";
import type { AllianceRef } from "./alliance-access.server";
import { recordAudit } from "./audit.server";
import type { ChannelRef } from "./channel-access.server";
import { allianceData, lockAlliance } from "./membership-store.server";
import { activeOutsideChannel } from "./channel-settings.server";
import { notifyAll } from "./notifications.server";

/**
 * Organizers opening, renaming, archiving channels and choosing who is in a private one. The caller
 * has asked the policy (channel.create / channel.manage); the rules that depend on the records are
 * here. Every change is audited in its transaction and announced once it commits: on the channel's
 * topic, and on the alliance's for channels every member may see (a private channel's name does not
 * travel on a topic outsiders may follow).
 *
 * Invitations are checked against active memberships under the alliance's row lock, the lock every
 * membership change takes, so nobody is invited in the instant they leave.
 */

type ChannelServices = Pick<Services, "db" | "realtime">;
type Actor = { id: string; displayName: string };

export type ChannelField = "name" | "slug" | "description" | "kind" | "members";
export type ChannelRefusal = {
  ok: false;
  fieldErrors?: Partial<Record<ChannelField, MessageKey[]>>;
  formErrors?: MessageKey[];
};
export type ChannelOutcome<T = object> = ({ ok: true } & T) | ChannelRefusal;

const refuse = (field: ChannelField, key: MessageKey): ChannelRefusal => ({
  ok: false,
  fieldErrors: { [field]: [key] },
});
const refuseForm = (key: MessageKey): ChannelRefusal => ({ ok: false, formErrors: [key] });

/**
 * A slug from the name: Latin letters and digits, the rest as hyphens. A name with neither (most
 * Chinese names) gets a short random one, which the organizer may replace by typing their own.
 */
function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, CHANNEL_SLUG_MAX)
    .replace(/^-+|-+$/g, "");
  return slug || `channel-${crypto.randomBytes(3).toString("hex")}`;
}

/** The subset of `userIds` that are active members of the alliance. */
async function activeMembers(tx: DbOrTx, allianceId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.allianceId, allianceId),
        eq(memberships.status, "active"),
        inArray(memberships.userId, userIds),
      ),
    );
  return rows.map((r) => r.userId);
}

type ChannelData = { id: string; name: string };

function channelData(alliance: AllianceRef, channel: ChannelData) {
  return { ...allianceData(alliance), channelId: channel.id, channel: channel.name };
}

function allianceOf(channel: ChannelRef): AllianceRef {
  return {
    id: channel.allianceId,
    slug: channel.allianceSlug,
    nameZh: channel.allianceNameZh,
    nameEn: channel.allianceNameEn,
    // Only names travel in notifications; the alliance's policy plays no part here.
    joinPolicy: "open",
    archivedAt: null,
  };
}

/** Invitation rows, audit entries and notifications for people newly let into a private channel. */
async function invite(
  tx: Tx,
  publish: Publish,
  input: { alliance: AllianceRef; channel: ChannelData; actor: Actor; userIds: string[]; notify: boolean },
): Promise<string[]> {
  const { alliance, channel, actor } = input;
  if (input.userIds.length === 0) return [];
  const added = await tx
    .insert(channelMembers)
    .values(input.userIds.map((userId) => ({ channelId: channel.id, userId, invitedById: actor.id })))
    .onConflictDoNothing()
    .returning({ userId: channelMembers.userId });
  const invited = added.map((r) => r.userId).filter((id) => id !== actor.id);
  for (const userId of invited) {
    await recordAudit(tx, {
      action: "channel.member_invited",
      actorId: actor.id,
      subjectUserId: userId,
      allianceId: alliance.id,
      data: { channelId: channel.id, channel: channel.name },
    });
  }
  if (input.notify) {
    await notifyAll(
      tx,
      publish,
      invited.map((userId) => ({
        userId,
        type: "channel.invited",
        data: { ...channelData(alliance, channel), inviter: actor.displayName },
        href: `/channels/${channel.id}`,
      })),
    );
  }
  return invited;
}

export async function createChannel(
  services: ChannelServices,
  input: { alliance: AllianceRef; actor: Actor; values: ChannelCreateInput },
): Promise<ChannelOutcome<{ id: string }>> {
  const { alliance, actor, values } = input;
  if (alliance.archivedAt) return refuseForm("channelAdmin.error.allianceArchived");
  const slug = values.slug || slugFromName(values.name);
  const wanted =
    values.kind === "private" ? [...new Set(values.members)].filter((id) => id !== actor.id) : [];
  return transact(services, async (tx, publish): Promise<ChannelOutcome<{ id: string }>> => {
    if (wanted.length > 0) {
      await lockAlliance(tx, alliance.id);
      const active = await activeMembers(tx, alliance.id, wanted);
      if (active.length !== wanted.length) return refuse("members", "channelAdmin.error.membersNotActive");
    }
    const [created] = await tx
      .insert(channels)
      .values({
        allianceId: alliance.id,
        slug,
        name: values.name,
        description: values.description ?? "",
        kind: values.kind,
        createdById: actor.id,
      })
      .onConflictDoNothing({ target: [channels.allianceId, channels.slug] })
      .returning({ id: channels.id, name: channels.name, kind: channels.kind });
    if (!created) {
      return refuse(
        "slug",
        values.slug ? "channelAdmin.error.slugTaken" : "channelAdmin.error.slugTakenDerived",
      );
    }
    if (created.kind === "private") {
      // The creator first: they may manage the channel only while they can see it.
      await invite(tx, publish, { alliance, channel: created, actor, userIds: [actor.id], notify: false });
    }
    const invited = await invite(tx, publish, {
      alliance,
      channel: created,
      actor,
      userIds: wanted,
      notify: true,
    });
    await recordAudit(tx, {
      action: "channel.created",
      actorId: actor.id,
      allianceId: alliance.id,
      data: {
        channelId: created.id,
        channel: created.name,
        slug,
        kind: created.kind,
        invited: invited.length,
      },
    });
    publishChange(
      publish,
      { allianceId: alliance.id, channelId: created.id, kind: created.kind },
      actor.id,
      "channel.created",
    );
    return { ok: true, id: created.id };
  });
}

/** Announces a change on the channel's topic, and on the alliance's unless the channel is private. */
function publishChange(
  publish: Publish,
  channel: { allianceId: string; channelId: string; kind: string },
  actorId: string,
  type: string,
) {
  const payload = { channelId: channel.channelId };
  publish({ topic: channelTopic(channel.channelId), type, payload, actorId });
  if (channel.kind !== "private")
    publish({ topic: allianceTopic(channel.allianceId), type, payload, actorId });
}

/**
 * Renames, redescribes and (not #general) makes open or private. Making a channel private keeps the
 * people who have already taken part (their read positions are their rows) and the organizer making
 * the change; everyone else loses it at once and may be invited from the settings page.
 */
export async function editChannel(
  services: ChannelServices,
  input: { channel: ChannelRef; actor: Actor; values: Omit<ChannelEditInput, "intent"> },
): Promise<ChannelOutcome> {
  const { channel, actor, values } = input;
  const kind = values.kind ?? channel.kind;
  // The form leaves the kind out for #general: a kind sent anyway is answered for the whole form.
  if (channel.kind === "general" && kind !== "general") return refuseForm("channelAdmin.error.generalFixed");
  const description = values.description ?? "";
  const before = { name: channel.name, description: channel.description, kind: channel.kind };
  const after = { name: values.name, description, kind };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => after[key] !== before[key]);
  if (changed.length === 0) return { ok: true };
  const outcome = await transact(services, async (tx, publish) => {
    await tx.update(channels).set(after).where(eq(channels.id, channel.id));
    if (kind === "private" && channel.kind !== "private") {
      await tx
        .insert(channelMembers)
        .values({ channelId: channel.id, userId: actor.id, invitedById: actor.id })
        .onConflictDoNothing();
    }
    await recordAudit(tx, {
      action: "channel.updated",
      actorId: actor.id,
      allianceId: channel.allianceId,
      data: {
        channelId: channel.id,
        channel: values.name,
        from: Object.fromEntries(changed.map((key) => [key, before[key]])),
        to: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    // Announced on the alliance's topic too when it was or becomes visible to all members.
    const visibleKind = kind === "private" && channel.kind === "private" ? "private" : "open";
    publishChange(
      publish,
      { allianceId: channel.allianceId, channelId: channel.id, kind: visibleKind },
      actor.id,
      "channel.updated",
    );
    return kind === "private" && channel.kind !== "private" ? await uninvitedMembers(tx, channel) : [];
  });
  for (const userId of outcome) services.realtime.leaveRooms(userId, [channelTopic(channel.id)]);
  return { ok: true };
}

/** Active members of the channel's alliance without a row in it: who a private channel is closed to. */
async function uninvitedMembers(tx: DbOrTx, channel: ChannelRef): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(activeOutsideChannel(tx, channel));
  return rows.map((r) => r.userId);
}

/** Archived channels are read-only and listed apart; #general is never archived. */
async function setChannelArchived(
  services: ChannelServices,
  input: { channel: ChannelRef; actor: Actor; archived: boolean },
): Promise<ChannelOutcome<{ changed: boolean }>> {
  const { channel, actor, archived } = input;
  if (channel.kind === "general") return refuseForm("channelAdmin.error.generalFixed");
  if ((channel.archivedAt !== null) === archived) return { ok: true, changed: false };
  return transact(services, async (tx, publish) => {
    const rows = await tx
      .update(channels)
      .set({ archivedAt: archived ? new Date() : null })
      .where(
        and(
          eq(channels.id, channel.id),
          archived ? isNull(channels.archivedAt) : isNotNull(channels.archivedAt),
        ),
      )
      .returning({ id: channels.id });
    if (rows.length === 0) return { ok: true, changed: false } as const;
    const action = archived ? "channel.archived" : "channel.unarchived";
    await recordAudit(tx, {
      action,
      actorId: actor.id,
      allianceId: channel.allianceId,
      data: { channelId: channel.id, channel: channel.name },
    });
    publishChange(
      publish,
      { allianceId: channel.allianceId, channelId: channel.id, kind: channel.kind },
      actor.id,
      action,
    );
    return { ok: true, changed: true } as const;
  });
}

export const archiveChannel = (services: ChannelServices, input: { channel: ChannelRef; actor: Actor }) =>
  setChannelArchived(services, { ...input, archived: true });

export const unarchiveChannel = (services: ChannelServices, input: { channel: ChannelRef; actor: Actor }) =>
  setChannelArchived(services, { ...input, archived: false });

/** Invites active members of the alliance to a private channel; people already in are left as they are. */
export async function inviteToChannel(
  services: ChannelServices,
  input: { channel: ChannelRef; actor: Actor; userIds: string[] },
): Promise<ChannelOutcome<{ invited: number }>> {
  const { channel, actor } = input;
  if (channel.kind !== "private") return refuseForm("channelAdmin.error.notPrivate");
  const wanted = [...new Set(input.userIds)];
  return transact(services, async (tx, publish): Promise<ChannelOutcome<{ invited: number }>> => {
    await lockAlliance(tx, channel.allianceId);
    const active = await activeMembers(tx, channel.allianceId, wanted);
    if (active.length !== wanted.length) return refuse("members", "channelAdmin.error.membersNotActive");
    const invited = await invite(tx, publish, {
      alliance: allianceOf(channel),
      channel,
      actor,
      userIds: wanted,
      notify: true,
    });
    for (const userId of invited) {
      publish({
        topic: channelTopic(channel.id),
        type: "channel.member_added",
        payload: { userId },
        actorId: actor.id,
      });
    }
    return { ok: true, invited: invited.length };
  });
}

/**
 * Takes someone out of a private channel: their invitation (and read position) goes, and their sockets
 * leave its topic as soon as that commits, so not one more message reaches them.
 */
export async function removeFromChannel(
  services: ChannelServices,
  input: { channel: ChannelRef; actor: Actor; userId: string },
): Promise<ChannelOutcome<{ changed: boolean }>> {
  const { channel, actor, userId } = input;
  if (channel.kind !== "private") return refuseForm("channelAdmin.error.notPrivate");
  const outcome = await transact(services, async (tx, publish) => {
    const removed = await tx
      .delete(channelMembers)
      .where(and(eq(channelMembers.channelId, channel.id), eq(channelMembers.userId, userId)))
      .returning({ userId: channelMembers.userId });
    if (removed.length === 0) return { ok: true, changed: false } as const;
    await recordAudit(tx, {
      action: "channel.member_removed",
      actorId: actor.id,
      subjectUserId: userId,
      allianceId: channel.allianceId,
      data: { channelId: channel.id, channel: channel.name },
    });
    // Under the channel topic's lock, which sending takes too: no message commits between this and the leave.
    publish({
      topic: channelTopic(channel.id),
      type: "channel.member_removed",
      payload: { userId },
      actorId: actor.id,
    });
    return { ok: true, changed: true } as const;
  });
  if (outcome.changed) services.realtime.leaveRooms(userId, [channelTopic(channel.id)]);
  return outcome;
}
