import { eq } from "drizzle-orm";
import { inquiries } from "../../db/schema/index";
import { inquiryTopic } from "~/realtime/topics";
import { undecided, type InquiryDecision } from "~/validation/inquiry";
import { transact } from "./activity.server";
import { insertMessage, lockInquiry } from "./inquiry-messages.server";
import { tellOtherParty, type InquiryServices, type Outcome, type Person } from "./inquiry-parties.server";
import type { InquiryRef } from "./resource-access.server";

const outcomeOf = { accept: "accepted", decline: "declined", withdraw: "withdrawn" } as const;

/**
 * The provider accepts or declines, the asker withdraws — each only while the inquiry is undecided.
 * A note, if given, is the thread's last word before the decision.
 */
export async function decideInquiry(
  services: InquiryServices,
  inquiry: InquiryRef,
  actor: Person,
  decision: { intent: InquiryDecision; note: string },
): Promise<Outcome> {
  const byProvider = decision.intent !== "withdraw";
  if (byProvider !== inquiry.provider) return { ok: false, error: "notAllowed" };
  return transact(services, async (tx, publish) => {
    const row = await lockInquiry(tx, inquiry.id);
    if (!row) return { ok: false, error: "closed" };
    if (!undecided.includes(row.status)) return { ok: false, error: "decided" };
    if (decision.note) await insertMessage(tx, publish, inquiry.id, actor.id, decision.note);
    const status = outcomeOf[decision.intent];
    const now = new Date();
    await tx
      .update(inquiries)
      .set({ status, decidedAt: now, updatedAt: now })
      .where(eq(inquiries.id, inquiry.id));
    publish({
      topic: inquiryTopic(inquiry.id),
      type: "inquiry.status",
      payload: { status },
      actorId: actor.id,
    });
    await tellOtherParty(tx, publish, inquiry, row, actor.id, {
      type: "inquiry.status",
      data: { actor: actor.displayName, resource: row.title, outcome: status },
    });
    return { ok: true };
  });
}
