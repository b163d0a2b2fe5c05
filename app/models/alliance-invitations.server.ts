import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import { canInAlliance, type AllianceRole } from "~/utils/permissions.server";
import { transact } from "./activity.server";
import type { AllianceRef } from "./alliance-access.server";
import { recordAudit } from "./audit.server";
import { queueEmail } from "./email-outbox.server";
import {
  consumeInvitation,
  createInvitation,
  invitationEmail,
  invitationPath,
  invitationState,
  invitationUrl,
  type InvitationRow,
} from "./invitations.server";
import { refused, type Outcome } from "./membership-errors";
import { allianceData, findMembership, lockAlliance } from "./membership-store.server";
import { activate } from "./memberships.server";
import { notify } from "./notifications.server";

type InviteServices = Pick<Services, "db" | "realtime" | "config">;

/**
 * Invites someone into an alliance: by email (the mail and, if they already have an account, a
 * notification carry the link) or as a bare link the organizer passes on. Returns the link, which is
 * shown once: only its hash is kept.
 */
export async function inviteToAlliance(
  services: InviteServices,
  input: {
    alliance: AllianceRef;
    actor: { id: string; displayName: string; role: AllianceRole };
    email: string | null;
    days: number;
  },
): Promise<Outcome<{ url: string; expiresAt: Date }>> {
  const { alliance, actor } = input;
  if (!canInAlliance(actor.role, "alliance.invite") || alliance.archivedAt) return refused("forbidden");
  return transact(services, async (tx, publish) => {
    const { invitation, token } = await createInvitation(tx, {
      allianceId: alliance.id,
      email: input.email,
      invitedBy: actor.id,
      days: input.days,
    });
    const url = invitationUrl(token, services.config.publicUrl);
    await recordAudit(tx, {
      action: "membership.invited",
      actorId: actor.id,
      allianceId: alliance.id,
      data: { email: invitation.email, expiresAt: invitation.expiresAt.toISOString() },
    });
    if (invitation.email) {
      await queueEmail(
        tx,
        allianceInvitationEmail(invitation.email, alliance, actor.displayName, url, invitation),
      );
      const [invitee] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, invitation.email));
      if (invitee) {
        await notify(tx, publish, {
          userId: invitee.id,
          type: "membership.invited",
          data: { ...allianceData(alliance), inviter: actor.displayName },
          href: invitationPath(token),
        });
      }
    }
    return { ok: true, url, expiresAt: invitation.expiresAt } as const;
  });
}

/**
 * Joins the invited alliance. The link must still be open and, when it names an email, the account
 * must have that email: an invitation forwarded to someone else does not let them in.
 */
export async function acceptAllianceInvitation(
  services: Pick<Services, "db" | "realtime">,
  input: { invitation: InvitationRow; alliance: AllianceRef; user: { id: string; email: string } },
): Promise<Outcome<{ changed: boolean }>> {
  const { invitation, alliance, user } = input;
  if (alliance.archivedAt) return refused("not_found");
  const state = invitationState(invitation);
  if (state !== "valid") return refused(`invitation_${state}`);
  if (invitation.email && invitation.email !== user.email.toLowerCase())
    return refused("invitation_wrong_email");
  return transact(services, async (tx, publish) => {
    await lockAlliance(tx, alliance.id);
    const current = await findMembership(tx, alliance.id, user.id);
    if (current?.status === "active") return { ok: true, changed: false } as const;
    // Between the check above and here another tab may have used the link: the update decides.
    if (!(await consumeInvitation(tx, invitation.id, user.id))) return refused("invitation_used");
    await activate(tx, publish, {
      alliance,
      userId: user.id,
      actorId: user.id,
      action: "membership.invitation_accepted",
    });
    return { ok: true, changed: true } as const;
  });
}

function allianceInvitationEmail(
  to: string,
  alliance: AllianceRef,
  inviter: string,
  url: string,
  invitation: InvitationRow,
) {
  const expires = invitation.expiresAt.toISOString().slice(0, 10);
  return invitationEmail({
    to,
    url,
    zh: {
      subject: `邀请加入${alliance.nameZh}`,
      lines: [
        `${inviter} 邀请您加入七链平台上的「${alliance.nameZh}」。`,
        `打开以下链接接受邀请（${expires} 前有效，仅可使用一次）：`,
      ],
    },
    en: {
      subject: `Invitation to join ${alliance.nameEn}`,
      lines: [
        `${inviter} invites you to join ${alliance.nameEn} on Qilian.`,
        `Open this link to accept (valid until ${expires}, usable once):`,
      ],
    },
  });
}
