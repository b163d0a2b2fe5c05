import crypto from "node:crypto";
import { asc, eq, or, sql } from "drizzle-orm";
import { organizations, orgRepresentatives } from "../../db/schema/index";
import type { DbOrTx } from "~/utils/db.server";

export type OrganizationSummary = { id: string; slug: string; nameZh: string; nameEn: string };

const summary = {
  id: organizations.id,
  slug: organizations.slug,
  nameZh: organizations.nameZh,
  nameEn: organizations.nameEn,
};

/** Every organization, for a picker (sign-up). */
export function listOrganizationChoices(db: DbOrTx): Promise<OrganizationSummary[]> {
  return db.select(summary).from(organizations).orderBy(asc(organizations.nameZh));
}

export async function findOrganizationById(db: DbOrTx, id: string): Promise<OrganizationSummary | null> {
  const [row] = await db.select(summary).from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

/** An organization whose Chinese or English name is `name`, ignoring case and surrounding spaces. */
export async function findOrganizationByName(db: DbOrTx, name: string): Promise<OrganizationSummary | null> {
  const wanted = name.trim().toLowerCase();
  const [row] = await db
    .select(summary)
    .from(organizations)
    .where(
      or(eq(sql`lower(${organizations.nameZh})`, wanted), eq(sql`lower(${organizations.nameEn})`, wanted)),
    )
    .limit(1);
  return row ?? null;
}

/**
 * An organization registered by a member rather than curated: an unverified enterprise under the one
 * name the member typed, with that member as its admin.
 */
export async function createMemberOrganization(
  db: DbOrTx,
  input: { name: string; adminUserId: string },
): Promise<OrganizationSummary> {
  const [row] = await db
    .insert(organizations)
    .values({
      slug: slugFor(input.name),
      nameZh: input.name,
      nameEn: input.name,
      kind: "enterprise",
      verified: false,
    })
    .returning(summary);
  await addRepresentative(db, { orgId: row.id, userId: input.adminUserId, role: "admin" });
  return row;
}

export type RepresentedOrganization = OrganizationSummary & { role: "admin" | "representative" };

/** The organizations a user represents, with their role in each (the settings page lists them). */
export function listRepresentedOrganizations(db: DbOrTx, userId: string): Promise<RepresentedOrganization[]> {
  return db
    .select({ ...summary, role: orgRepresentatives.role })
    .from(orgRepresentatives)
    .innerJoin(organizations, eq(organizations.id, orgRepresentatives.orgId))
    .where(eq(orgRepresentatives.userId, userId))
    .orderBy(asc(organizations.nameZh));
}

export async function addRepresentative(
  db: DbOrTx,
  input: { orgId: string; userId: string; role: "admin" | "representative" },
): Promise<void> {
  await db.insert(orgRepresentatives).values(input).onConflictDoNothing();
}

/** A readable slug from the name's Latin letters and digits, made unique by a random suffix (Chinese names have none). */
export function slugFor(name: string): string {
  const latin = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${latin || "org"}-${crypto.randomBytes(4).toString("hex")}`;
}
