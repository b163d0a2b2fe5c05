import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/utils/password.server";
import { useTestDatabase } from "../setup/database";
import { addRepresentative, createAlliance, createChain, createOrganization, createUser } from "../factories";

describe("test factories", () => {
  const database = useTestDatabase();

  it("create distinct rows with usable defaults", async () => {
    const [a, b] = [await createUser(database.db), await createUser(database.db)];
    expect(a.user.email).not.toBe(b.user.email);
    expect(await verifyPassword(a.user.passwordHash, a.password)).toBe(true);

    const org = await createOrganization(database.db, { verified: true });
    expect(org.verified).toBe(true);
    await addRepresentative(database.db, { orgId: org.id, userId: a.user.id, role: "admin" });

    const { chain, nodes } = await createChain(database.db);
    expect(nodes.size).toBe(5);
    const alliance = await createAlliance(database.db, { joinPolicy: "open", chainIds: [chain.id] });
    expect(alliance.joinPolicy).toBe("open");

    const [counts] = await database.db.execute<{ reps: number; edges: number; links: number }>(sql`
      select (select count(*)::int from org_representatives) as reps,
             (select count(*)::int from chain_edges) as edges,
             (select count(*)::int from alliance_chains) as links`);
    expect(counts).toEqual({ reps: 1, edges: 4, links: 1 });
  });

  it("hands back the existing row for a natural key that is taken", async () => {
    const first = await createOrganization(database.db, { slug: "same-slug" });
    const second = await createOrganization(database.db, { slug: "same-slug", nameEn: "Another name" });
    expect(second).toEqual(first);
  });
});
