import { sql } from "drizzle-orm";
import { organizations } from "../../db/schema/index";
import type { Db } from "~/utils/db.server";
import type { OrgCreateInput } from "~/validation/organization";
import { recordAudit } from "./audit.server";
import { addRepresentative, findOrganizationByName, slugFor } from "./organizations.server";

/**
 * Namespace of the advisory lock that orders registrations (activity.server.ts uses 7_240_002,
 * login-throttle.server.ts 7_240_003). Names have no unique index (either language may match the
 * other's), so two registrations of one name must not both pass the check.
 */
const ORG_NAME_LOCK = 7_240_010;

export type CreateResult =
  { status: "created"; id: string } | { status: "nameTaken"; fields: ("nameZh" | "nameEn")[] };

/**
 * Registers an organization under the signed-in member: unverified, the member its admin, with an
 * audit entry, all in one transaction. A name already used in either language refuses it.
 */
export async function createOrganization(
  db: Db,
  input: { actorId: string; values: OrgCreateInput },
): Promise<CreateResult> {
  const { values } = input;
  return db.transaction(async (tx): Promise<CreateResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ORG_NAME_LOCK}, 0)`);
    const fields: ("nameZh" | "nameEn")[] = [];
    for (const field of ["nameZh", "nameEn"] as const) {
      if (await findOrganizationByName(tx, values[field])) fields.push(field);
    }
    if (fields.length > 0) return { status: "nameTaken", fields };

    const [created] = await tx
      .insert(organizations)
      .values({
        slug: slugFor(values.nameEn),
        nameZh: values.nameZh,
        nameEn: values.nameEn,
        kind: values.kind,
        website: values.website ?? null,
        city: values.city ?? null,
        descriptionZh: values.descriptionZh ?? "",
        descriptionEn: values.descriptionEn ?? "",
        verified: false,
      })
      .returning({ id: organizations.id });
    await addRepresentative(tx, { orgId: created.id, userId: input.actorId, role: "admin" });
    await recordAudit(tx, { action: "org.created", actorId: input.actorId, orgId: created.id });
    return { status: "created", id: created.id };
  });
}
