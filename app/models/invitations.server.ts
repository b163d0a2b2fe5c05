import crypto from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { invitations } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";
import type { OutgoingEmail } from "./email-outbox.server";
import { INVITATION_DAYS, INVITATION_MAX_DAYS } from "./invitation-limits";

/**
 * Invitation links, shared by alliances and organizations. The token travels only in the link; the
 * database keeps its SHA-256, so a link cannot be rebuilt from a backup. A link is used once.
 */

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationTarget = { allianceId: string } | { orgId: string };

export { INVITATION_DAYS, INVITATION_MAX_DAYS } from "./invitation-limits";

export type InvitationState = "valid" | "expired" | "used" | "revoked";

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}

/** The link as mails and the once-shown copy give it: absolute, on the platform's public address. */
export function invitationUrl(token: string, publicUrl: URL): string {
  return new URL(invitationPath(token), publicUrl).toString();
}

type MailPart = { subject: string; lines: string[] };

/**
 * An invitation mail in both languages, since we do not know the invitee's: Chinese first, each
 * part followed by the link.
 */
export function invitationEmail(input: {
  to: string;
  url: string;
  zh: MailPart;
  en: MailPart;
}): OutgoingEmail {
  const { zh, en, url } = input;
  return {
    to: input.to,
    subject: `${zh.subject} / ${en.subject}`,
    text: [...zh.lines, url, "", ...en.lines, url, ""].join("\n"),
  };
}

export async function createInvitation(
  db: DbOrTx,
  input: InvitationTarget & { email?: string | null; invitedBy: string; days?: number; now?: Date },
): Promise<{ invitation: InvitationRow; token: string }> {
  const token = crypto.randomBytes(24).toString("base64url");
  const days = Math.min(Math.max(input.days ?? INVITATION_DAYS, 1), INVITATION_MAX_DAYS);
  const now = input.now ?? new Date();
  const [invitation] = await db
    .insert(invitations)
    .values({
      allianceId: "allianceId" in input ? input.allianceId : null,
      orgId: "orgId" in input ? input.orgId : null,
      email: input.email ? input.email.trim().toLowerCase() : null,
      tokenHash: hashInvitationToken(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
    })
    .returning();
  return { invitation, token };
}

export function invitationState(row: InvitationRow, now = new Date()): InvitationState {
  if (row.revokedAt) return "revoked";
  if (row.acceptedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export async function findInvitationByToken(db: DbOrTx, token: string): Promise<InvitationRow | null> {
  // Tokens come from URLs: anything not shaped like one cannot match, so skip the query.
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  return row ?? null;
}

/**
 * Marks the invitation used by `userId`, only if it still is valid at this moment: of two people
 * racing for one link, exactly one gets true.
 */
export async function consumeInvitation(db: DbOrTx, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      and(
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** Revokes an invitation of the given target; false when there is none still open. */
export async function revokeInvitation(db: DbOrTx, target: InvitationTarget, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, id),
        targetIs(target),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** A target's invitations, newest first, for the people who manage them. */
export async function listInvitations(
  db: DbOrTx,
  target: InvitationTarget,
  limit = 50,
): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(targetIs(target))
    .orderBy(desc(invitations.createdAt))
    .limit(limit);
}

function targetIs(target: InvitationTarget) {
  return "allianceId" in target
    ? eq(invitations.allianceId, target.allianceId)
    : eq(invitations.orgId, target.orgId);
}
