import { sql, type SQL } from "drizzle-orm";
import { searchVector } from "~/search/tsquery.server";
import type { Tx } from "~/utils/db.server";
import { chinaDay } from "~/validation/resource";
import { inquiries, inquiryMessages, resourceAlliances, resourceNodes, resources } from "../schema/index";
import type { PostedProblem } from "./history-board";
import { historyResources, type HistoryResource } from "./history-resources";
import {
  askerFollowUps,
  intendedUses,
  inquiryMessages as openers,
  languageOf,
  providerAnswers,
} from "./history-texts";
import {
  DAY_MS,
  HOUR_MS,
  historyId,
  notAfter,
  officeTime,
  random,
  spreadDaysAgo,
  type Random,
} from "./history-time";
import type { AllianceRow, InsertedChain, OrganizationRow, UserRow } from "./insert";
import { membershipSeeds } from "./memberships";
import { userSeeds } from "./users";

/**
 * The year's shared resources (history-resources.ts) and the inquiries they drew, every one of them
 * decided long ago (accepted, declined or withdrawn), with the provider's answer in the thread. A few
 * were asked for one of the asker's own history problems and accepted: the matches taken up that the
 * dashboard counts. Fixed ids: seeding again changes nothing; a thread is written only with its inquiry.
 */

type Context = {
  chains: Map<string, InsertedChain>;
  alliances: Map<string, AllianceRow>;
  orgs: Map<string, OrganizationRow>;
  users: Map<string, UserRow>;
  now: number;
};

/** Problems the poster took a shared resource up for: [history problem, history resource]. */
export const takenUp: [problem: string, resource: string][] = [
  ["invoice-early-warning", "enterprise-profile-data"],
  ["gpu-off-peak", "gpu-rental"],
  ["crane-video-latency", "private-network-operations"],
  ["delivery-in-snow", "radar-signal-rnd"],
];

const at = (name: string) => `${name}@demo.qilian.example`;

export const historyResourceId = (key: string) => historyId(`resource:${key}`);

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`history catalogue names an unknown ${what}: ${key}`);
  return value;
}

const orgsOf = (email: string) => userSeeds.find((u) => u.email === email)!.organizations.map((o) => o.slug);
const activeIn = (email: string) =>
  new Set(membershipSeeds.filter((m) => m.email === email && m.status === "active").map((m) => m.alliance));

/** May ask: sees the listing (public, or a member of an alliance it is shared with), represents nobody behind it. */
function mayAsk(email: string, listing: HistoryResource): boolean {
  if (orgsOf(email).includes(listing.org)) return false;
  return listing.visibility === "public" || listing.alliances.some((a) => activeIn(email).has(a));
}

const people = userSeeds.filter((u) => u.platformRole !== "admin").map((u) => u.email);

type Inquiry = typeof inquiries.$inferInsert & { id: string; createdAt: Date };
type Message = typeof inquiryMessages.$inferInsert;

function thread(
  listing: HistoryResource,
  ask: { key: string; asker: UserRow; createdAt: Date; status: "accepted" | "declined" | "withdrawn" },
  context: Context,
  rnd: Random,
): { inquiry: Omit<Inquiry, "resourceId" | "problemId">; messages: Message[] } {
  const language = languageOf(listing.title);
  const id = historyId(`inquiry:${ask.key}`);
  const provider = found(context.users, at(listing.by), "user");
  const latest = context.now - DAY_MS;
  const answeredAt = notAfter(ask.createdAt.getTime() + rnd.int(2, 30) * HOUR_MS, latest);
  const messages: Message[] = [
    {
      inquiryId: id,
      authorId: provider.id,
      body: rnd.pick(providerAnswers[language]),
      createdAt: answeredAt,
    },
  ];
  if (ask.status !== "declined")
    messages.push({
      inquiryId: id,
      authorId: ask.asker.id,
      body: rnd.pick(askerFollowUps[language]),
      createdAt: notAfter(answeredAt.getTime() + rnd.int(2, 48) * HOUR_MS, latest),
    });
  const decidedAt = messages.at(-1)!.createdAt!;
  return {
    inquiry: {
      id,
      askerId: ask.asker.id,
      askerOrgId: rnd.chance(0.75)
        ? found(context.orgs, orgsOf(ask.asker.email)[0], "organization").id
        : null,
      message: rnd.pick(openers[language]),
      intendedUse: rnd.pick(intendedUses[language]),
      status: ask.status,
      decidedAt,
      createdAt: ask.createdAt,
      updatedAt: decidedAt,
    },
    messages,
  };
}

export async function seedHistoryCatalogue(tx: Tx, context: Context, posted: PostedProblem[]): Promise<void> {
  const user = (email: string) => found(context.users, email, "user");
  const latest = context.now - 2 * DAY_MS;
  const resourceRows: (Omit<typeof resources.$inferInsert, "search"> & { search: SQL })[] = [];
  const nodeRows: { resourceId: string; nodeId: string }[] = [];
  const allianceRows: { resourceId: string; allianceId: string }[] = [];
  const asked: { inquiry: Inquiry; messages: Message[] }[] = [];

  for (const [index, listing] of historyResources.entries()) {
    const rnd = random(`resource:${listing.key}`);
    const id = historyResourceId(listing.key);
    const by = user(at(listing.by));
    if (!orgsOf(by.email).includes(listing.org))
      throw new Error(`history resource ${listing.key}: ${listing.by} does not represent ${listing.org}`);
    for (const alliance of listing.alliances)
      if (!activeIn(by.email).has(alliance))
        throw new Error(`history resource ${listing.key}: ${listing.by} is not active in ${alliance}`);
    const chain = found(context.chains, listing.chain, "chain");
    const sharedAt = officeTime(
      context.now,
      spreadDaysAgo(index, historyResources.length, { oldest: 358, newest: 20, growth: 1.4 }, rnd),
      rnd,
    );
    resourceRows.push({
      id,
      kind: listing.kind,
      title: listing.title,
      description: listing.description,
      orgId: found(context.orgs, listing.org, "organization").id,
      createdById: by.id,
      contactUserId: by.id,
      visibility: listing.visibility,
      terms: listing.terms,
      modes: listing.modes,
      tags: listing.tags,
      chainIds: [chain.chain.id],
      search: searchVector({ title: listing.title, body: listing.description, tags: listing.tags }),
      expiresOn: chinaDay(new Date(sharedAt.getTime() + 730 * DAY_MS)),
      createdAt: sharedAt,
      updatedAt: sharedAt,
    });
    nodeRows.push(
      ...listing.nodes.map((node) => ({ resourceId: id, nodeId: found(chain.nodes, node, "chain node").id })),
    );
    allianceRows.push(
      ...listing.alliances.map((slug) => ({
        resourceId: id,
        allianceId: found(context.alliances, slug, "alliance").id,
      })),
    );

    const takers = takenUp.filter(([, resource]) => resource === listing.key).map(([problem]) => problem);
    const askers = rnd.sample(
      people.filter((email) => mayAsk(email, listing)),
      rnd.pick([0, 1, 1, 2, 2, 3]),
    );
    for (const email of askers) {
      const askedAt = notAfter(
        sharedAt.getTime() + rnd.int(3, 60) * DAY_MS + rnd.int(0, 8) * HOUR_MS,
        latest,
      );
      const status = rnd.pick(["accepted", "accepted", "declined", "withdrawn"] as const);
      const key = `${listing.key}/${email}`;
      const { inquiry, messages } = thread(
        listing,
        { key, asker: user(email), createdAt: askedAt, status },
        context,
        rnd,
      );
      asked.push({ inquiry: { ...inquiry, resourceId: id, problemId: null }, messages });
    }
    for (const problemKey of takers) {
      const problem = posted.find((p) => p.key === problemKey);
      if (!problem) throw new Error(`history catalogue names an unknown history problem: ${problemKey}`);
      const asker = [...context.users.values()].find((u) => u.id === problem.authorId)!;
      if (!mayAsk(asker.email, listing))
        throw new Error(`history catalogue: ${asker.email} may not ask about ${listing.key}`);
      const base = Math.max(sharedAt.getTime(), problem.postedAt.getTime());
      const askedAt = new Date(
        Math.max(base + HOUR_MS, Math.min(base + rnd.int(3, 20) * DAY_MS, latest - 2 * DAY_MS)),
      );
      const key = `${listing.key}/${asker.email}/for/${problemKey}`;
      const { inquiry, messages } = thread(
        listing,
        { key, asker, createdAt: askedAt, status: "accepted" },
        context,
        rnd,
      );
      asked.push({ inquiry: { ...inquiry, resourceId: id, problemId: problem.id }, messages });
    }
  }

  await tx.insert(resources).values(resourceRows).onConflictDoNothing();
  await tx.insert(resourceNodes).values(nodeRows).onConflictDoNothing();
  await tx.insert(resourceAlliances).values(allianceRows).onConflictDoNothing();
  const fresh = new Set(
    (
      await tx
        .insert(inquiries)
        .values(asked.map((a) => a.inquiry))
        .onConflictDoNothing()
        .returning({ id: inquiries.id })
    ).map((r) => r.id),
  );
  const messages = asked.filter((a) => fresh.has(a.inquiry.id)).flatMap((a) => a.messages);
  if (messages.length > 0) await tx.insert(inquiryMessages).values(messages);
  const ids = resourceRows.map((r) => r.id!);
  await tx.execute(sql`update ${resources} r set inquiry_count =
    (select count(*)::int from ${inquiries} i where i.resource_id = r.id)
    where r.id in ${ids}
      and r.inquiry_count <> (select count(*)::int from ${inquiries} i where i.resource_id = r.id)`);
}
