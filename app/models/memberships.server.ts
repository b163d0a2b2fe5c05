import { allianceTopic } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { Tx } from "~/utils/db.server";
import {
  canInAlliance,
  canManageMember,
  lastChairBlocks,
  type AllianceRole,
  type MemberRole,
} from "~/utils/permissions.server";
import { transact, type Publish } from "./activity.server";
import type { AllianceRef } from "./alliance-access.server";
import { recordAudit } from "./audit.server";
import { closeAllianceAccess, dropPrivateInvitations } from "./channel-access-closing.server";
import { refused, type Outcome } from "./membership-errors";
import {
  activeChairs,
  allianceData,
  findMembership,
  leaderIds,
  lockAlliance,
  setStatus,
  upsertMembership,
} from "./membership-store.server";
import { notify } from "./notifications.server";

/**
 * Joining, leaving, deciding requests and changing roles. Every change runs in one transaction that
 * first locks the alliance row, so two changes to one alliance never interleave (two chairs stepping
 * down at once cannot leave it without one); it writes the audit log and tells the people concerned,
 * live and in their notifications, once it commits. The caller has already asked the policy table
 * whether the viewer's role may attempt the action; the rules that depend on the records are here.
 */

type MembershipServices = Pick<Services, "db" | "realtime">;
type Person = { id: string; displayName: string };

export type JoinResult = Outcome<{ status: "active" | "pending"; changed: boolean }>;

export async function joinAlliance(
  services: MembershipServices,
  input: { alliance: AllianceRef; user: Person; message?: string },
): Promise<JoinResult> {
  const { alliance, user } = input;
  if (alliance.archivedAt) return refused("not_found");
  if (alliance.joinPolicy === "invite") {
    const current = await findMembership(services.db, alliance.id, user.id);
    if (current?.status === "active") return { ok: true, status: "active", changed: false };
    return refused("invite_only");
  }
  return transact(services, async (tx, publish) => {
    await lockAlliance(tx, alliance.id);
    const current = await findMembership(tx, alliance.id, user.id);
    // Asking twice, or joining while already in, is answered with the state as it is.
    if (current?.status === "active" || current?.status === "pending") {
      return { ok: true, status: current.status, changed: false } as const;
    }
    if (alliance.joinPolicy === "open") {
      await activate(tx, publish, {
        alliance,
        userId: user.id,
        actorId: user.id,
        action: "membership.joined",
      });
      return { ok: true, status: "active", changed: true } as const;
    }
    await upsertMembership(tx, alliance.id, user.id, {
      status: "pending",
      role: "member",
      message: input.message ?? "",
    });
    await recordAudit(tx, {
      action: "membership.requested",
      actorId: user.id,
      subjectUserId: user.id,
      allianceId: alliance.id,
      data: input.message ? { message: input.message } : {},
    });
    publish({ topic: allianceTopic(alliance.id), type: "membership.requested", actorId: user.id });
    for (const organizerId of await leaderIds(tx, alliance.id)) {
      await notify(tx, publish, {
        userId: organizerId,
        type: "membership.requested",
        data: { ...allianceData(alliance), applicant: user.displayName },
        href: `/alliances/${alliance.slug}/requests`,
      });
    }
    return { ok: true, status: "pending", changed: true } as const;
  });
}

export async function cancelRequest(
  services: MembershipServices,
  input: { alliance: AllianceRef; userId: string },
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    await lockAlliance(tx, input.alliance.id);
    const current = await findMembership(tx, input.alliance.id, input.userId);
    if (current?.status !== "pending") return refused("not_pending");
    await setStatus(tx, current.id, { status: "left" });
    await recordAudit(tx, {
      action: "membership.cancelled",
      actorId: input.userId,
      subjectUserId: input.userId,
      allianceId: input.alliance.id,
    });
    publish({ topic: allianceTopic(input.alliance.id), type: "membership.cancelled", actorId: input.userId });
    return { ok: true } as const;
  });
}

export async function leaveAlliance(
  services: MembershipServices,
  input: { alliance: AllianceRef; userId: string },
): Promise<Outcome> {
  const outcome = await transact(services, async (tx, publish): Promise<Outcome> => {
    await lockAlliance(tx, input.alliance.id);
    const current = await findMembership(tx, input.alliance.id, input.userId);
    if (current?.status !== "active") return refused("not_member");
    if (lastChairBlocks(current.role, null, await activeChairs(tx, input.alliance.id))) {
      return refused("last_chair");
    }
    await setStatus(tx, current.id, { status: "left" });
    await dropPrivateInvitations(tx, input.alliance.id, input.userId);
    await recordAudit(tx, {
      action: "membership.left",
      actorId: input.userId,
      subjectUserId: input.userId,
      allianceId: input.alliance.id,
      data: { role: current.role },
    });
    publish({
      topic: allianceTopic(input.alliance.id),
      type: "member.left",
      actorId: input.userId,
      payload: { userId: input.userId },
    });
    return { ok: true } as const;
  });
  if (outcome.ok) await closeAllianceAccess(services, input.alliance.id, input.userId);
  return outcome;
}

/**
 * Approves or rejects a pending request. Approving someone already in changes nothing, so a double
 * click or two organizers deciding at once is harmless; a request that was withdrawn or already
 * rejected cannot be approved.
 */
export async function decideRequest(
  services: MembershipServices,
  input: {
    alliance: AllianceRef;
    actor: { id: string; role: AllianceRole };
    userId: string;
    approve: boolean;
    reason: string;
  },
): Promise<Outcome<{ changed: boolean }>> {
  const { alliance, actor } = input;
  if (!canInAlliance(actor.role, "alliance.requests.decide")) return refused("forbidden");
  return transact(services, async (tx, publish) => {
    await lockAlliance(tx, alliance.id);
    const current = await findMembership(tx, alliance.id, input.userId);
    if (input.approve && current?.status === "active") return { ok: true, changed: false } as const;
    if (!input.approve && current?.status === "rejected") return { ok: true, changed: false } as const;
    if (current?.status !== "pending") return refused("not_pending");
    if (input.approve) {
      await activate(tx, publish, {
        alliance,
        userId: input.userId,
        actorId: actor.id,
        action: "membership.approved",
        reason: input.reason,
      });
    } else {
      await setStatus(tx, current.id, { status: "rejected" });
      await recordAudit(tx, {
        action: "membership.rejected",
        actorId: actor.id,
        subjectUserId: input.userId,
        allianceId: alliance.id,
        reason: input.reason,
      });
      publish({ topic: allianceTopic(alliance.id), type: "membership.rejected", actorId: actor.id });
    }
    await notify(tx, publish, {
      userId: input.userId,
      type: input.approve ? "membership.approved" : "membership.rejected",
      data: { ...allianceData(alliance), reason: input.reason },
      href: `/alliances/${alliance.slug}`,
    });
    return { ok: true, changed: true } as const;
  });
}

/** Promotes, demotes (`to` a role) or removes (`to` null) an active member. */
export async function changeMember(
  services: MembershipServices,
  input: {
    alliance: AllianceRef;
    actor: { id: string; role: AllianceRole };
    userId: string;
    to: MemberRole | null;
    reason: string;
  },
): Promise<Outcome<{ changed: boolean }>> {
  const { alliance, actor, to } = input;
  const outcome = await transact(services, async (tx, publish) => {
    await lockAlliance(tx, alliance.id);
    const current = await findMembership(tx, alliance.id, input.userId);
    if (current?.status !== "active") return refused("not_member");
    if (!canManageMember(actor.role, current.role, to)) return refused("forbidden");
    if (to === current.role) return { ok: true, changed: false } as const;
    if (lastChairBlocks(current.role, to, await activeChairs(tx, alliance.id))) return refused("last_chair");
    await setStatus(tx, current.id, to === null ? { status: "removed" } : { role: to });
    if (to === null) await dropPrivateInvitations(tx, alliance.id, input.userId);
    await recordAudit(tx, {
      action: to === null ? "membership.removed" : "membership.role_changed",
      actorId: actor.id,
      subjectUserId: input.userId,
      allianceId: alliance.id,
      reason: input.reason,
      data: { from: current.role, to },
    });
    publish({
      topic: allianceTopic(alliance.id),
      type: to === null ? "member.left" : "member.role_changed",
      actorId: actor.id,
      payload: { userId: input.userId, role: to },
    });
    await notify(tx, publish, {
      userId: input.userId,
      type: to === null ? "membership.removed" : "membership.role_changed",
      data: { ...allianceData(alliance), from: current.role, role: to, reason: input.reason },
      href: `/alliances/${alliance.slug}`,
    });
    return { ok: true, changed: true } as const;
  });
  if (outcome.ok && outcome.changed && to === null)
    await closeAllianceAccess(services, alliance.id, input.userId);
  return outcome;
}

/** Makes a membership active (joining an open alliance, an approval, an accepted invitation). */
export async function activate(
  tx: Tx,
  publish: Publish,
  input: { alliance: AllianceRef; userId: string; actorId: string; action: string; reason?: string },
): Promise<void> {
  await upsertMembership(tx, input.alliance.id, input.userId, {
    status: "active",
    role: "member",
    joinedAt: new Date(),
  });
  await recordAudit(tx, {
    action: input.action,
    actorId: input.actorId,
    subjectUserId: input.userId,
    allianceId: input.alliance.id,
    reason: input.reason ?? "",
  });
  publish({
    topic: allianceTopic(input.alliance.id),
    type: "member.joined",
    actorId: input.actorId,
    payload: { userId: input.userId },
  });
}
