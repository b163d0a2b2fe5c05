import { eq } from "drizzle-orm";
import { inquiries, inquiryMessages, resources } from "../../db/schema/index";
import { inquiryTopic } from "~/realtime/topics";
import type { Tx } from "~/utils/db.server";
import type { InquiryStatus } from "~/validation/inquiry";
import { transact, type Publish } from "./activity.server";
import { tellOtherParty, type InquiryServices, type Outcome, type Person } from "./inquiry-parties.server";
import type { InquiryRef } from "./resource-access.server";

/**
 * The thread's messages. `open` means the provider's turn, `answered` the asker's: a provider's message
 * answers an open inquiry, the asker's reopens an answered one.
 */

/** The first lines of a message, for a notification. */
const excerpt = (body: string) => (body.length > 80 ? `${body.slice(0, 79)}…` : body);

/** The inquiry's row, locked for the rest of the transaction, with what notifications need. */
export async function lockInquiry(tx: Tx, inquiryId: string) {
  const [row] = await tx
    .select({
      status: inquiries.status,
      askerId: inquiries.askerId,
      resourceId: inquiries.resourceId,
      title: resources.title,
      orgId: resources.orgId,
      contactUserId: resources.contactUserId,
    })
    .from(inquiries)
    .innerJoin(resources, eq(resources.id, inquiries.resourceId))
    .where(eq(inquiries.id, inquiryId))
    .for("update", { of: inquiries });
  return row;
}

export async function insertMessage(
  tx: Tx,
  publish: Publish,
  inquiryId: string,
  authorId: string,
  body: string,
) {
  const [message] = await tx
    .insert(inquiryMessages)
    .values({ inquiryId, authorId, body })
    .returning({ id: inquiryMessages.id });
  publish({
    topic: inquiryTopic(inquiryId),
    type: "inquiry.message",
    payload: { messageId: message.id },
    actorId: authorId,
  });
}

/**
 * A message in the thread from either side. A declined or withdrawn inquiry is closed; an accepted
 * one goes on (the two sides now work it out).
 */
export async function postMessage(
  services: InquiryServices,
  inquiry: InquiryRef,
  author: Person,
  body: string,
): Promise<Outcome> {
  return transact(services, async (tx, publish) => {
    const row = await lockInquiry(tx, inquiry.id);
    if (!row) return { ok: false, error: "closed" };
    if (row.status === "declined" || row.status === "withdrawn") return { ok: false, error: "closed" };
    const next: InquiryStatus =
      row.status === "accepted" ? "accepted" : inquiry.provider ? "answered" : "open";
    await insertMessage(tx, publish, inquiry.id, author.id, body);
    await tx
      .update(inquiries)
      .set({ status: next, updatedAt: new Date() })
      .where(eq(inquiries.id, inquiry.id));
    if (next !== row.status) {
      publish({
        topic: inquiryTopic(inquiry.id),
        type: "inquiry.status",
        payload: { status: next },
        actorId: author.id,
      });
    }
    await tellOtherParty(tx, publish, inquiry, row, author.id, {
      type: "inquiry.message",
      data: { actor: author.displayName, resource: row.title, excerpt: excerpt(body) },
    });
    return { ok: true };
  });
}
