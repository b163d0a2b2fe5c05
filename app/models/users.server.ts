import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema/index";
import type { Locale } from "~/i18n/locales";
import { PLATFORM_TOPIC } from "~/realtime/topics";
import type { Services } from "~/server/context.server";
import type { DbOrTx } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { transact } from "./activity.server";
import {
  addRepresentative,
  createMemberOrganization,
  findOrganizationById,
  findOrganizationByName,
  type OrganizationSummary,
} from "./organizations.server";

export type AccountUser = {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  platformRole: "admin" | null;
};

const account = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  locale: users.locale,
  platformRole: users.platformRole,
};

/** Emails are stored lower-cased, and the unique index is on lower(email), so lookups ignore case. */
const normalize = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: DbOrTx, email: string): Promise<AccountUser | null> {
  const [row] = await db
    .select(account)
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalize(email)));
  return row ?? null;
}

export type SignUpInput = {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  /** An existing organization to represent, or the name of a new one to create. */
  organization?: { id: string } | { name: string };
};
export type SignUpResult =
  | { ok: true; user: AccountUser }
  | { ok: false; error: "email-taken" | "organization-unknown" | "organization-exists" };

/** Creates the account (and its organization link) and announces it on the platform feed. */
export async function signUp(
  services: Pick<Services, "db" | "realtime">,
  input: SignUpInput,
): Promise<SignUpResult> {
  if (await findUserByEmail(services.db, input.email)) return { ok: false, error: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    return await transact(services, async (tx, publish): Promise<SignUpResult> => {
      const wanted = input.organization;
      let organization: OrganizationSummary | null = null;
      if (wanted && "id" in wanted) {
        organization = await findOrganizationById(tx, wanted.id);
        if (!organization) return { ok: false, error: "organization-unknown" };
      } else if (wanted && (await findOrganizationByName(tx, wanted.name))) {
        return { ok: false, error: "organization-exists" };
      }
      const [user] = await tx
        .insert(users)
        .values({
          id: crypto.randomUUID(),
          email: normalize(input.email),
          displayName: input.displayName,
          passwordHash,
          locale: input.locale,
        })
        .returning(account);
      if (wanted && "name" in wanted) {
        organization = await createMemberOrganization(tx, { name: wanted.name, adminUserId: user.id });
      } else if (organization) {
        await addRepresentative(tx, { orgId: organization.id, userId: user.id, role: "representative" });
      }
      publish({
        topic: PLATFORM_TOPIC,
        type: "user.joined",
        actorId: user.id,
        payload: {
          displayName: user.displayName,
          ...(organization && {
            organization: {
              slug: organization.slug,
              nameZh: organization.nameZh,
              nameEn: organization.nameEn,
            },
          }),
        },
      });
      return { ok: true, user };
    });
  } catch (error) {
    // Two sign-ups with one email can both pass the check above; the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_idx")) return { ok: false, error: "email-taken" };
    throw error;
  }
}

/** Lazily made, so that an unknown email costs the same argon2 verification as a known one. */
let dummyHash: Promise<string> | undefined;

/**
 * The account these credentials open, or null; which of the two was wrong is deliberately not told.
 * `suspended` is for the caller to refuse the log-in only once the password has been shown right.
 */
export async function authenticate(
  db: DbOrTx,
  email: string,
  password: string,
): Promise<(AccountUser & { suspended: boolean }) | null> {
  const [row] = await db
    .select({ ...account, passwordHash: users.passwordHash, suspendedAt: users.suspendedAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalize(email)));
  if (!row) {
    await verifyPassword(await (dummyHash ??= hashPassword(crypto.randomUUID())), password);
    return null;
  }
  const { passwordHash, suspendedAt, ...user } = row;
  return (await verifyPassword(passwordHash, password)) ? { ...user, suspended: suspendedAt !== null } : null;
}

export async function updateProfile(
  db: DbOrTx,
  userId: string,
  input: { displayName: string; locale: Locale },
): Promise<void> {
  await db
    .update(users)
    .set({ displayName: input.displayName, locale: input.locale, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export type Privacy = { hideEmail: boolean; listedInDirectory: boolean };

/** What fellow alliance members see of the user in member directories. */
export async function updatePrivacy(db: DbOrTx, userId: string, input: Privacy): Promise<void> {
  await db
    .update(users)
    .set({ hideEmail: input.hideEmail, listedInDirectory: input.listedInDirectory, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // drizzle wraps the driver's error; postgres.js puts the SQLSTATE and constraint on it.
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const pg = e as Error & { code?: string; constraint_name?: string };
    if (pg.code === "23505" && pg.constraint_name === constraint) return true;
  }
  return false;
}
