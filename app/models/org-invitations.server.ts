import { translator } from "~/i18n/translate";
import type { Db } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { queueEmail } from "./email-outbox.server";
import {
  createInvitation,
  invitationEmail,
  invitationState,
  invitationUrl,
  listInvitations,
  revokeInvitation,
  type InvitationState,
} from "./invitations.server";

type Named = { nameZh: string; nameEn: string };

export type OrgInvitationView = {
  id: string;
  email: string | null;
  state: InvitationState;
  expiresAt: Date;
  createdAt: Date;
};

/** The organization's invitations, newest first, as its admins see them (never the token). */
export async function listOrgInvitations(
  db: Db,
  orgId: string,
  now = new Date(),
): Promise<OrgInvitationView[]> {
  const rows = await listInvitations(db, { orgId });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    state: invitationState(row, now),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  }));
}

const zh = translator("zh-CN");
const en = translator("en");
const day = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(date);

/**
 * Invites someone by email: the invitation, its mail (in both languages, since we do not know the
 * invitee's) and the audit entry commit together, so a rolled-back invitation sends nothing.
 */
export async function inviteByEmail(
  db: Db,
  input: {
    org: Named & { id: string };
    email: string;
    days: number;
    inviter: { id: string; displayName: string };
    publicUrl: URL;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { invitation, token } = await createInvitation(tx, {
      orgId: input.org.id,
      email: input.email,
      invitedBy: input.inviter.id,
      days: input.days,
    });
    const inviter = input.inviter.displayName;
    const zhDate = day("zh-CN", invitation.expiresAt);
    const enDate = day("en", invitation.expiresAt);
    await queueEmail(
      tx,
      invitationEmail({
        to: invitation.email ?? input.email,
        url: invitationUrl(token, input.publicUrl),
        zh: {
          subject: zh("org.email.subject", { name: input.org.nameZh }),
          lines: [zh("org.email.body", { inviter, name: input.org.nameZh, date: zhDate })],
        },
        en: {
          subject: en("org.email.subject", { name: input.org.nameEn }),
          lines: [en("org.email.body", { inviter, name: input.org.nameEn, date: enDate })],
        },
      }),
    );
    await recordAudit(tx, {
      action: "org.invitation.created",
      actorId: input.inviter.id,
      orgId: input.org.id,
      data: { invitationId: invitation.id, email: invitation.email, days: input.days },
    });
  });
}

/** A link anyone holding it may use once; the token is returned only now and never stored. */
export async function createInvitationLink(
  db: Db,
  input: { orgId: string; days: number; inviterId: string; publicUrl: URL },
): Promise<{ url: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const { invitation, token } = await createInvitation(tx, {
      orgId: input.orgId,
      invitedBy: input.inviterId,
      days: input.days,
    });
    await recordAudit(tx, {
      action: "org.invitation.created",
      actorId: input.inviterId,
      orgId: input.orgId,
      data: { invitationId: invitation.id, email: null, days: input.days },
    });
    return {
      url: invitationUrl(token, input.publicUrl),
      expiresAt: invitation.expiresAt,
    };
  });
}

/** Revokes an open invitation of this organization; false when there is none (or it is another's). */
export async function revokeOrgInvitation(
  db: Db,
  input: { orgId: string; invitationId: string; actorId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeInvitation(tx, { orgId: input.orgId }, input.invitationId);
    if (revoked) {
      await recordAudit(tx, {
        action: "org.invitation.revoked",
        actorId: input.actorId,
        orgId: input.orgId,
        data: { invitationId: input.invitationId },
      });
    }
    return revoked;
  });
}
