import { and, eq } from "drizzle-orm";
import { alliances, organizations, orgRepresentatives } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import { allianceRefColumns, type AllianceRef } from "./alliance-access.server";
import { acceptAllianceInvitation } from "./alliance-invitations.server";
import { transact } from "./activity.server";
import { recordAudit } from "./audit.server";
import {
  consumeInvitation,
  findInvitationByToken,
  invitationState,
  type InvitationRow,
  type InvitationState,
} from "./invitations.server";
import { refused, type Outcome } from "./membership-errors";

export type InvitationTargetView =
  | { kind: "alliance"; alliance: AllianceRef }
  | { kind: "organization"; org: { id: string; nameZh: string; nameEn: string } };

export type InvitationView = {
  invitation: InvitationRow;
  state: InvitationState;
  target: InvitationTargetView;
};

/** What a link invites to and whether it still works; null for a token that matches nothing. */
export async function describeInvitation(db: Services["db"], token: string): Promise<InvitationView | null> {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) return null;
  let target: InvitationTargetView | null = null;
  if (invitation.allianceId) {
    const [alliance] = await db
      .select(allianceRefColumns)
      .from(alliances)
      .where(eq(alliances.id, invitation.allianceId));
    // An archived alliance takes no one in; its links lead nowhere.
    if (alliance && !alliance.archivedAt) target = { kind: "alliance", alliance };
  } else if (invitation.orgId) {
    const [org] = await db
      .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
      .from(organizations)
      .where(eq(organizations.id, invitation.orgId));
    if (org) target = { kind: "organization", org };
  }
  return target ? { invitation, state: invitationState(invitation), target } : null;
}

/** Accepts an invitation for the signed-in user; returns where to go next. */
export async function acceptInvitation(
  services: Pick<Services, "db" | "realtime">,
  view: InvitationView,
  user: { id: string; email: string },
): Promise<Outcome<{ href: string }>> {
  const { target, invitation } = view;
  if (target.kind === "alliance") {
    const outcome = await acceptAllianceInvitation(services, { invitation, alliance: target.alliance, user });
    return outcome.ok ? { ok: true, href: `/alliances/${target.alliance.slug}` } : outcome;
  }
  const outcome = await acceptOrgInvitation(services, invitation, user);
  return outcome.ok ? { ok: true, href: `/orgs/${target.org.id}` } : outcome;
}

async function acceptOrgInvitation(
  services: Pick<Services, "db" | "realtime">,
  invitation: InvitationRow,
  user: { id: string; email: string },
): Promise<Outcome> {
  const state = invitationState(invitation);
  if (state !== "valid") return refused(`invitation_${state}`);
  if (invitation.email && invitation.email !== user.email.toLowerCase())
    return refused("invitation_wrong_email");
  const orgId = invitation.orgId!;
  return transact(services, async (tx) => {
    const [already] = await tx
      .select({ role: orgRepresentatives.role })
      .from(orgRepresentatives)
      .where(and(eq(orgRepresentatives.orgId, orgId), eq(orgRepresentatives.userId, user.id)));
    if (already) return { ok: true } as const;
    if (!(await consumeInvitation(tx, invitation.id, user.id))) return refused("invitation_used");
    await tx
      .insert(orgRepresentatives)
      .values({ orgId, userId: user.id, role: "representative" })
      .onConflictDoNothing();
    await recordAudit(tx, {
      action: "org.representative_joined",
      actorId: user.id,
      subjectUserId: user.id,
      orgId,
    });
    return { ok: true } as const;
  });
}
