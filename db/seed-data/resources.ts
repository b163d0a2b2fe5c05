import crypto from "node:crypto";
import fs from "node:fs/promises";
import { inArray, sql } from "drizzle-orm";
import { ensureFileDirs, newStoredName, storedPath, tempPath } from "~/files/storage.server";
import { insertResource } from "~/models/resources.server";
import type { Tx } from "~/utils/db.server";
import { chinaDay } from "~/validation/resource";
import {
  attachments,
  inquiries,
  inquiryMessages,
  notifications,
  resourceMatches,
  resources,
} from "../schema/index";
import { barChartPng, textPdf } from "./demo-files";
import type { AllianceRow, InsertedChain, OrganizationRow, UserRow } from "./insert";
import { problemSeedId, problemSeeds } from "./problems";
import { inquirySeeds, matchSeeds, type InquirySeed } from "./resource-inquiries";
import { listingSeeds, type DemoFile } from "./resource-listings";
import { searchCorpus } from "./search-corpus";
import { userSeeds } from "./users";

/**
 * The demo's shared resources (resource-listings.ts) with their attachments, the inquiries about them
 * (resource-inquiries.ts) and the matches announced to the demo board's problems. Everything has a
 * fixed id, and a thread, a file or a notification is written only with the row it belongs to, so a
 * second run changes nothing and a partly seeded database gets only what it lacks.
 */

type Context = {
  chains: Map<string, InsertedChain>;
  alliances: Map<string, AllianceRow>;
  orgs: Map<string, OrganizationRow>;
  users: Map<string, UserRow>;
  now: number;
  /**
   * DATA_DIR, where attachments go; without it (tests seeding only rows) listings get no files, as a
   * row without its file would be a broken download.
   */
  dataDir: string | null;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const at = (name: string) => `${name}@demo.qilian.example`;

/** A stable name-based UUID per demo record, as problemSeedId, in this seed's own namespace. */
export function resourceSeedId(key: string): string {
  const hex = crypto.createHash("sha1").update(`qilian-demo-resource:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function found<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`resource seed names an unknown ${what}: ${key}`);
  return value;
}

/** Returns the stored names of the files it wrote, for placeDemoFiles once the transaction has committed. */
export async function seedResources(tx: Tx, context: Context): Promise<string[]> {
  await seedListings(tx, context);
  const files = context.dataDir ? await seedAttachments(tx, context, context.dataDir) : [];
  await seedInquiries(tx, context);
  await seedMatches(tx, context);
  // Every inquiry a listing ever received, as the inquiry model keeps it.
  await tx.execute(sql`update ${resources} r set inquiry_count =
    (select count(*)::int from ${inquiries} i where i.resource_id = r.id)
    where r.id in ${listingSeeds.map((l) => resourceSeedId(l.key))}
      and r.inquiry_count <> (select count(*)::int from ${inquiries} i where i.resource_id = r.id)`);
  return files;
}

async function existingIds(tx: Tx, table: typeof resources | typeof inquiries, ids: string[]) {
  const rows = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
  return new Set(rows.map((r) => r.id));
}

async function seedListings(tx: Tx, context: Context): Promise<void> {
  const existing = await existingIds(
    tx,
    resources,
    listingSeeds.map((l) => resourceSeedId(l.key)),
  );
  const user = (name: string) => found(context.users, at(name), "user").id;
  for (const listing of listingSeeds) {
    const id = resourceSeedId(listing.key);
    if (existing.has(id)) continue;
    const chain = found(context.chains, listing.chain, "chain");
    const createdAt = new Date(context.now - listing.daysAgo * DAY_MS);
    const expiresOn = chinaDay(new Date(context.now + listing.expiresInDays * DAY_MS));
    const noticeAt = listing.awaitingConfirmation
      ? new Date(context.now + (listing.expiresInDays + 1) * DAY_MS)
      : null;
    await insertResource(tx, {
      id,
      kind: listing.kind,
      title: listing.title,
      description: listing.description,
      orgId: found(context.orgs, listing.org, "organization").id,
      createdById: user(listing.by),
      contactUserId: user(listing.by),
      visibility: listing.visibility,
      terms: listing.terms,
      modes: listing.modes,
      termsNote: listing.termsNote ?? "",
      tags: listing.tags,
      nodeIds: listing.nodes.map((node) => found(chain.nodes, node, "chain node").id),
      allianceIds: listing.alliances.map((slug) => found(context.alliances, slug, "alliance").id),
      expiresOn,
      expiryNoticeAt: noticeAt,
      withdrawnAt:
        listing.withdrawnDaysAgo === undefined
          ? null
          : new Date(context.now - listing.withdrawnDaysAgo * DAY_MS),
      createdAt,
    });
    if (noticeAt) {
      await tx.insert(notifications).values({
        userId: user(listing.by),
        type: "resource.expiring",
        data: { resource: listing.title },
        href: `/resources/${id}`,
        createdAt: noticeAt,
      });
    }
  }
}

/** The listings' files, each keyed on its own id: a listing seeded without DATA_DIR gets them later. */
async function seedAttachments(tx: Tx, context: Context, dataDir: string): Promise<string[]> {
  const files = listingSeeds.flatMap((listing) =>
    (listing.files ?? []).map((file, n) => ({
      listing,
      file,
      id: resourceSeedId(`${listing.key}/file/${n}`),
      n,
    })),
  );
  const rows = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      inArray(
        attachments.id,
        files.map((f) => f.id),
      ),
    );
  const existing = new Set(rows.map((r) => r.id));
  const written: string[] = [];
  for (const { listing, file, id, n } of files) {
    if (existing.has(id)) continue;
    const bytes = render(file);
    const storedName = await writeTemp(dataDir, bytes);
    written.push(storedName);
    await tx.insert(attachments).values({
      id,
      resourceId: resourceSeedId(listing.key),
      fileName: file.name,
      storedName,
      mime: file.type === "pdf" ? "application/pdf" : "image/png",
      size: bytes.length,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
      uploadedById: found(context.users, at(listing.by), "user").id,
      createdAt: new Date(context.now - listing.daysAgo * DAY_MS + (n + 1) * 60_000),
    });
  }
  return written;
}

/**
 * Written where an upload waits for its row (see attachments.server.ts): the seed's transaction commits the rows,
 * then placeDemoFiles moves the files into place. A seed that fails leaves only temp files, which the
 * attachment sweeper removes; one that stops after committing has its renames finished by the sweeper.
 */
async function writeTemp(dataDir: string, bytes: Buffer): Promise<string> {
  await ensureFileDirs(dataDir);
  const storedName = newStoredName();
  await fs.writeFile(tempPath(dataDir, storedName), bytes, { flag: "wx", mode: 0o640 });
  return storedName;
}

/** After the seed committed: its attachments' files, moved into place. */
export async function placeDemoFiles(dataDir: string, storedNames: readonly string[]): Promise<void> {
  for (const name of storedNames) await fs.rename(tempPath(dataDir, name), storedPath(dataDir, name));
}

function render(file: DemoFile): Buffer {
  return file.type === "pdf" ? textPdf(file.lines) : barChartPng(file.bars, file.color);
}

async function seedInquiries(tx: Tx, context: Context): Promise<void> {
  const existing = await existingIds(
    tx,
    inquiries,
    inquirySeeds.map((s) => resourceSeedId(`inquiry/${s.key}`)),
  );
  for (const seed of inquirySeeds) {
    const id = resourceSeedId(`inquiry/${seed.key}`);
    if (existing.has(id)) continue;
    const listing = listingSeeds.find((l) => l.key === seed.listing);
    if (!listing) throw new Error(`inquiry seed names an unknown listing: ${seed.listing}`);
    const asker = found(context.users, at(seed.asker), "user");
    const provider = found(context.users, at(listing.by), "user");
    const askerOrg = userSeeds.find((u) => u.email === asker.email)!.organizations[0].slug;
    const createdAt = new Date(context.now - seed.daysAgo * DAY_MS);
    const times = seed.thread.map((_, n) => new Date(createdAt.getTime() + (n + 1) * 5 * HOUR_MS));
    const last = times.at(-1) ?? createdAt;
    const decided = ["accepted", "declined", "withdrawn"].includes(seed.status);
    await tx.insert(inquiries).values({
      id,
      resourceId: resourceSeedId(seed.listing),
      askerId: asker.id,
      askerOrgId: seed.forOrg ? found(context.orgs, askerOrg, "organization").id : null,
      problemId: seed.problem ? problemSeedId(seed.problem) : null,
      message: seed.message,
      intendedUse: seed.intendedUse,
      status: seed.status,
      decidedAt: decided ? last : null,
      createdAt,
      updatedAt: last,
    });
    if (seed.thread.length > 0) {
      await tx.insert(inquiryMessages).values(
        seed.thread.map((message, n) => ({
          inquiryId: id,
          authorId: message.asker ? asker.id : provider.id,
          body: message.body,
          createdAt: times[n],
        })),
      );
    }
    await tx
      .insert(notifications)
      .values(
        inquiryNotices(seed, id, { asker, provider }, listing.title, { asked: createdAt, thread: times }),
      );
  }
}

/**
 * What the two sides were told, as the inquiry model tells them: the provider of the question, then
 * each side of the other's messages. Only the newest is unread, and only while the inquiry is undecided.
 */
function inquiryNotices(
  seed: InquirySeed,
  inquiryId: string,
  people: { asker: UserRow; provider: UserRow },
  resource: string,
  times: { asked: Date; thread: Date[] },
) {
  const { asker, provider } = people;
  const href = `/inquiries/${inquiryId}`;
  const excerpt = (body: string) => (body.length > 80 ? `${body.slice(0, 79)}…` : body);
  const told = [
    {
      userId: provider.id,
      type: "resource.inquiry",
      data: { actor: asker.displayName, resource } as Record<string, unknown>,
      createdAt: times.asked,
    },
    ...seed.thread.map((message, n) => ({
      userId: message.asker ? provider.id : asker.id,
      type: "inquiry.message",
      data: {
        actor: (message.asker ? asker : provider).displayName,
        resource,
        excerpt: excerpt(message.body),
      },
      createdAt: times.thread[n],
    })),
  ];
  const undecided = seed.status === "open" || seed.status === "answered";
  return told.map((notice, n) => ({
    ...notice,
    href,
    readAt: undecided && n === told.length - 1 ? null : new Date(notice.createdAt.getTime() + HOUR_MS),
  }));
}

async function seedMatches(tx: Tx, context: Context): Promise<void> {
  const keys = matchSeeds.map((m) => ({
    problemId: problemSeedId(m.problem),
    resourceId: resourceSeedId(m.listing),
  }));
  const existing = new Set(
    (
      await tx
        .select({ problemId: resourceMatches.problemId, resourceId: resourceMatches.resourceId })
        .from(resourceMatches)
        .where(
          inArray(
            resourceMatches.resourceId,
            keys.map((k) => k.resourceId),
          ),
        )
    ).map((r) => `${r.problemId}/${r.resourceId}`),
  );
  for (const [index, match] of matchSeeds.entries()) {
    const { problemId, resourceId } = keys[index];
    if (existing.has(`${problemId}/${resourceId}`)) continue;
    const listing = listingSeeds.find((l) => l.key === match.listing)!;
    const chain = found(context.chains, listing.chain, "chain");
    const named = (slug: string) => {
      const node = found(chain.nodes, slug, "chain node");
      return { zh: node.nameZh, en: node.nameEn };
    };
    const notifiedAt = new Date(context.now - match.daysAgo * DAY_MS);
    await tx.insert(resourceMatches).values({
      problemId,
      resourceId,
      score: match.score,
      reasons: {
        ...(match.node && { node: named(match.node) }),
        ...(match.upstream && { upstream: named(match.upstream) }),
        shared: match.shared,
      },
      notifiedAt,
      createdAt: notifiedAt,
    });
    // Both sides were told then, as the announcing job tells them, and have read it since.
    const problem = problemSeeds.find((p) => p.corpus === match.problem);
    const text = searchCorpus.find((p) => p.id === match.problem);
    if (!problem || !text) throw new Error(`match seed names an unknown demo problem: ${match.problem}`);
    const data = {
      problem: text.title,
      resource: listing.title,
      problemId,
      resourceId,
      shared: match.shared,
    };
    const readAt = new Date(notifiedAt.getTime() + 2 * HOUR_MS);
    await tx.insert(notifications).values([
      {
        userId: found(context.users, at(problem.author), "user").id,
        type: "resource.match",
        data,
        href: `/resources/${resourceId}`,
        readAt,
        createdAt: notifiedAt,
      },
      {
        userId: found(context.users, at(listing.by), "user").id,
        type: "resource.match",
        data,
        href: `/problems/${problemId}`,
        readAt,
        createdAt: notifiedAt,
      },
    ]);
  }
}
