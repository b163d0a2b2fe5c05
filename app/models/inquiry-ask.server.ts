import { and, eq, inArray, sql } from "drizzle-orm";
import { inquiries, orgRepresentatives, problems, resources } from "../../db/schema/index";
import { inquiryTopic } from "~/realtime/topics";
import { undecided, type AskInput } from "~/validation/inquiry";
import { transact } from "./activity.server";
import {
  inquiryHref,
  providerRecipients,
  type InquiryError,
  type InquiryServices,
  type Person,
} from "./inquiry-parties.server";
import { notifyAll } from "./notifications.server";
import type { ResourceRef } from "./resource-access.server";

/**
 * A member asking a resource's provider about it. `resources.inquiry_count` counts every inquiry a
 * resource received, whatever became of it: organizers see that number and nothing else.
 */

export type AskOutcome = { ok: true; id: string; existing: boolean } | { ok: false; error: InquiryError };

/**
 * Asks the provider. One undecided inquiry per asker and resource (the partial unique index decides,
 * even for two submits at once): asking again while one is open returns that one.
 */
export async function askAbout(
  services: InquiryServices,
  resource: ResourceRef,
  asker: Person,
  input: AskInput,
): Promise<AskOutcome> {
  return transact(services, async (tx, publish) => {
    // Serializes asks about this resource (and the counter) with withdrawal and hiding.
    const [current] = await tx
      .select({
        title: resources.title,
        orgId: resources.orgId,
        contactUserId: resources.contactUserId,
        withdrawnAt: resources.withdrawnAt,
        hiddenAt: resources.hiddenAt,
      })
      .from(resources)
      .where(eq(resources.id, resource.id))
      .for("no key update");
    if (!current || current.withdrawnAt || current.hiddenAt) return { ok: false, error: "closed" };
    if (input.problemId) {
      const [own] = await tx
        .select({ id: problems.id })
        .from(problems)
        .where(and(eq(problems.id, input.problemId), eq(problems.authorId, asker.id)));
      if (!own) return { ok: false, error: "problemNotOwn" };
    }
    if (input.orgId) {
      const [represents] = await tx
        .select({ orgId: orgRepresentatives.orgId })
        .from(orgRepresentatives)
        .where(and(eq(orgRepresentatives.orgId, input.orgId), eq(orgRepresentatives.userId, asker.id)));
      if (!represents) return { ok: false, error: "orgNotRepresented" };
    }
    const [written] = await tx
      .insert(inquiries)
      .values({
        resourceId: resource.id,
        askerId: asker.id,
        askerOrgId: input.orgId ?? null,
        problemId: input.problemId ?? null,
        message: input.message,
        intendedUse: input.intendedUse,
      })
      .onConflictDoNothing({
        target: [inquiries.resourceId, inquiries.askerId],
        where: sql`${inquiries.status} in ('open', 'answered')`,
      })
      .returning({ id: inquiries.id });
    if (!written) {
      const [existing] = await tx
        .select({ id: inquiries.id })
        .from(inquiries)
        .where(
          and(
            eq(inquiries.resourceId, resource.id),
            eq(inquiries.askerId, asker.id),
            inArray(inquiries.status, [...undecided]),
          ),
        );
      return { ok: true, id: existing.id, existing: true };
    }
    await tx
      .update(resources)
      .set({ inquiryCount: sql`${resources.inquiryCount} + 1` })
      .where(eq(resources.id, resource.id));
    publish({
      topic: inquiryTopic(written.id),
      type: "inquiry.created",
      payload: { status: "open" },
      actorId: asker.id,
    });
    const recipients = await providerRecipients(tx, current, asker.id);
    await notifyAll(
      tx,
      publish,
      recipients.map((userId) => ({
        userId,
        type: "resource.inquiry",
        data: { actor: asker.displayName, resource: current.title },
        href: inquiryHref(written.id),
      })),
    );
    return { ok: true, id: written.id, existing: false };
  });
}
