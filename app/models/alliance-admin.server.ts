import { asc, eq, inArray, max, sql } from "drizzle-orm";
import { allianceChains, alliances, chains, memberships, users } from "../../db/schema/index";
import type { MessageKey } from "~/i18n/dictionary";
import type { Services } from "~/server/context.server";
import type { Db, DbOrTx, Tx } from "~/utils/db.server";
import type { AllianceCreateInput, AllianceSettingsInput, JoinPolicy } from "~/validation/alliance";
import { transact } from "./activity.server";
import type { AllianceRef } from "./alliance-access.server";
import { recordAudit } from "./audit.server";
import { allianceData } from "./membership-store.server";
import { notify } from "./notifications.server";

/**
 * Founding, editing and archiving alliances: the platform admins' work. The routes ask the policy
 * table (alliance.create, alliance.edit, alliance.archive); the rules that depend on the records —
 * a free slug, an existing chair, known chains — are here. Every change is audited in its transaction.
 */

type AdminServices = Pick<Services, "db" | "realtime">;

export type ChainChoice = { slug: string; nameZh: string; nameEn: string };

export type AllianceSettingsValues = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  joinPolicy: JoinPolicy;
  chains: string[];
};

type Field = "slug" | "chairEmail" | "chains";
export type AdminOutcome =
  { ok: true; slug: string } | { ok: false; fieldErrors: Partial<Record<Field, MessageKey[]>> };

/** The seven chains (or however many there are), in the plan's order, for the form's checkboxes. */
export async function listChainChoices(db: DbOrTx): Promise<ChainChoice[]> {
  return db
    .select({ slug: chains.slug, nameZh: chains.nameZh, nameEn: chains.nameEn })
    .from(chains)
    .orderBy(asc(chains.position), asc(chains.slug));
}

/** What the settings form starts from. */
export async function getAllianceSettings(
  db: DbOrTx,
  allianceId: string,
): Promise<AllianceSettingsValues | null> {
  const [[row], links] = await Promise.all([
    db
      .select({
        nameZh: alliances.nameZh,
        nameEn: alliances.nameEn,
        descriptionZh: alliances.descriptionZh,
        descriptionEn: alliances.descriptionEn,
        joinPolicy: alliances.joinPolicy,
      })
      .from(alliances)
      .where(eq(alliances.id, allianceId)),
    db
      .select({ slug: chains.slug })
      .from(allianceChains)
      .innerJoin(chains, eq(chains.id, allianceChains.chainId))
      .where(eq(allianceChains.allianceId, allianceId))
      .orderBy(asc(chains.position), asc(chains.slug)),
  ]);
  return row ? { ...row, chains: links.map((link) => link.slug) } : null;
}

/** Chain ids for the ticked slugs, or null when one names no chain. */
async function resolveChains(tx: Tx, slugs: string[]): Promise<string[] | null> {
  const wanted = [...new Set(slugs)];
  if (wanted.length === 0) return [];
  const rows = await tx.select({ id: chains.id }).from(chains).where(inArray(chains.slug, wanted));
  return rows.length === wanted.length ? rows.map((row) => row.id) : null;
}

const profile = (values: AllianceSettingsInput) => ({
  nameZh: values.nameZh,
  nameEn: values.nameEn,
  descriptionZh: values.descriptionZh ?? "",
  descriptionEn: values.descriptionEn ?? "",
  joinPolicy: values.joinPolicy,
});

/**
 * Founds an alliance with its first chair (an existing account, by email), who is told in their
 * notifications. A taken slug, an unknown email or an unknown chain writes nothing.
 */
export async function createAlliance(
  services: AdminServices,
  input: { actorId: string; values: AllianceCreateInput },
): Promise<AdminOutcome> {
  const { values } = input;
  return transact(services, async (tx, publish): Promise<AdminOutcome> => {
    const [chainIds, [chair], [taken]] = await Promise.all([
      resolveChains(tx, values.chains),
      tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${values.chairEmail})`)
        .limit(1),
      tx.select({ id: alliances.id }).from(alliances).where(eq(alliances.slug, values.slug)).limit(1),
    ]);
    const fieldErrors: Partial<Record<Field, MessageKey[]>> = {};
    if (taken) fieldErrors.slug = ["allianceAdmin.error.slugTaken"];
    if (!chair) fieldErrors.chairEmail = ["allianceAdmin.error.chairUnknown"];
    if (!chainIds) fieldErrors.chains = ["allianceAdmin.error.chainsInvalid"];
    if (!chair || !chainIds || taken) return { ok: false, fieldErrors };

    const [last] = await tx.select({ position: max(alliances.position) }).from(alliances);
    const [created] = await tx
      .insert(alliances)
      .values({ slug: values.slug, ...profile(values), position: (last?.position ?? 0) + 1 })
      .onConflictDoNothing({ target: alliances.slug })
      .returning();
    // Someone founded the same slug since the check above.
    if (!created) return { ok: false, fieldErrors: { slug: ["allianceAdmin.error.slugTaken"] } };
    if (chainIds.length > 0) {
      await tx
        .insert(allianceChains)
        .values(chainIds.map((chainId) => ({ allianceId: created.id, chainId })));
    }
    const now = new Date();
    await tx.insert(memberships).values({
      allianceId: created.id,
      userId: chair.id,
      role: "chair",
      status: "active",
      joinedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      action: "alliance.created",
      actorId: input.actorId,
      subjectUserId: chair.id,
      allianceId: created.id,
      data: { slug: created.slug, joinPolicy: created.joinPolicy, chains: [...new Set(values.chains)] },
    });
    await notify(tx, publish, {
      userId: chair.id,
      type: "alliance.chair_appointed",
      data: allianceData(created),
      href: `/alliances/${created.slug}`,
    });
    return { ok: true, slug: created.slug };
  });
}

/** Saves the settings and replaces the chains covered, with an audit entry naming what changed. */
export async function updateAlliance(
  services: AdminServices,
  input: { alliance: AllianceRef; actorId: string; values: AllianceSettingsInput },
): Promise<AdminOutcome> {
  const { alliance, values } = input;
  return services.db.transaction(async (tx): Promise<AdminOutcome> => {
    const chainIds = await resolveChains(tx, values.chains);
    if (!chainIds) return { ok: false, fieldErrors: { chains: ["allianceAdmin.error.chainsInvalid"] } };
    const [before] = await tx.select().from(alliances).where(eq(alliances.id, alliance.id)).for("update");
    if (!before) return { ok: false, fieldErrors: {} };
    const next = profile(values);
    const previous = await tx
      .delete(allianceChains)
      .where(eq(allianceChains.allianceId, alliance.id))
      .returning({ chainId: allianceChains.chainId });
    await tx.update(alliances).set(next).where(eq(alliances.id, alliance.id));
    if (chainIds.length > 0) {
      await tx
        .insert(allianceChains)
        .values(chainIds.map((chainId) => ({ allianceId: alliance.id, chainId })));
    }
    const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => before[key] !== next[key],
    );
    const oldChains = new Set(previous.map((row) => row.chainId));
    if (oldChains.size !== chainIds.length || chainIds.some((id) => !oldChains.has(id)))
      changed.push("chains");
    await recordAudit(tx, {
      action: "alliance.edited",
      actorId: input.actorId,
      allianceId: alliance.id,
      data: { changed },
    });
    return { ok: true, slug: before.slug };
  });
}

/** Archives or restores; doing what is already done changes nothing and records nothing. */
export async function setAllianceArchived(
  db: Db,
  input: { alliance: AllianceRef; actorId: string; archived: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ archivedAt: alliances.archivedAt })
      .from(alliances)
      .where(eq(alliances.id, input.alliance.id))
      .for("update");
    if (!row || (row.archivedAt !== null) === input.archived) return;
    await tx
      .update(alliances)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(eq(alliances.id, input.alliance.id));
    await recordAudit(tx, {
      action: input.archived ? "alliance.archived" : "alliance.restored",
      actorId: input.actorId,
      allianceId: input.alliance.id,
    });
  });
}
