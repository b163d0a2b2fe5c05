import { eq } from "drizzle-orm";
import { orgRepresentatives } from "../../db/schema/index";
import type { Services } from "~/server/context.server";
import type { Tx } from "~/utils/db.server";
import type { Publish } from "./activity.server";
import { notifyAll } from "./notifications.server";
import type { InquiryRef } from "./resource-access.server";

/**
 * The two sides of an inquiry — the asker, and the provider (the organization's representatives) — and
 * who of them hears of what happens. Callers have asked `resourceAccess` / `inquiryAccess` whether the
 * viewer may see the resource or the inquiry; the writing modules check the record rules inside the
 * transaction that writes, under a lock, so a concurrent decision cannot slip between check and write.
 */

export type InquiryServices = Pick<Services, "db" | "realtime">;
export type Person = { id: string; displayName: string };

export type InquiryError = "closed" | "problemNotOwn" | "orgNotRepresented" | "notAllowed" | "decided";

export type Outcome = { ok: true } | { ok: false; error: InquiryError };

export const inquiryHref = (inquiryId: string) => `/inquiries/${inquiryId}`;

/**
 * Who hears of an inquiry for the provider: the resource's contact person while they still represent
 * the organization, else every representative. Never the person who just acted.
 */
export async function providerRecipients(
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

/** Tells the other party: the asker when the provider acted, the provider when the asker did. */
export async function tellOtherParty(
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
    recipients.map((userId) => ({ userId, ...message, href: inquiryHref(inquiry.id) })),
  );
}
