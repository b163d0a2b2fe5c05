import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, organizations, orgPositions } from "../../db/schema/index";
import { startSession } from "~/utils/auth.server";
import { addPosition, addRepresentative, createChain, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { useTestServer } from "../setup/server";
import { fieldErrors } from "./auth-helpers";

describe("editing an organization", () => {
  const database = useTestDatabase();
  const server = useTestServer();
  let org: Awaited<ReturnType<typeof createOrganization>>;
  let otherOrg: Awaited<ReturnType<typeof createOrganization>>;
  let nodes: Map<string, { id: string }>;
  const cookies = { admin: "", representative: "", otherAdmin: "", plain: "", platformAdmin: "" };

  beforeAll(async () => {
    const { db } = database;
    org = await createOrganization(db, { nameZh: "编辑测试公司", nameEn: "Edit Test Co." });
    otherOrg = await createOrganization(db);
    nodes = (await createChain(db)).nodes;
    await addPosition(db, { orgId: org.id, nodeId: nodes.get("part-a")!.id, kind: "supplies" });
    const make = async (role?: "admin" | "representative", target = org.id) => {
      const { user } = await createUser(db);
      if (role) await addRepresentative(db, { orgId: target, userId: user.id, role });
      return (await startSession(server.services, user.id)).setCookie.split(";")[0];
    };
    cookies.admin = await make("admin");
    cookies.representative = await make("representative");
    cookies.otherAdmin = await make("admin", otherOrg.id);
    cookies.plain = await make();
    const { user: admin } = await createUser(db, { platformRole: "admin" });
    cookies.platformAdmin = (await startSession(server.services, admin.id)).setCookie.split(";")[0];
  });

  const valid = (overrides: Record<string, string> = {}) => ({
    nameZh: "编辑测试公司",
    nameEn: "Edit Test Co.",
    kind: "enterprise",
    website: "https://edit.example.com",
    city: "天津",
    descriptionZh: "中文简介",
    descriptionEn: "English description",
    ...overrides,
  });
  /** A form body with repeated `supplies` / `needs` fields, as ticked checkboxes send them. */
  const body = (
    fields: Record<string, string>,
    positions: { supplies?: string[]; needs?: string[] } = {},
  ) => {
    const params = new URLSearchParams(fields);
    for (const id of positions.supplies ?? []) params.append("supplies", id);
    for (const id of positions.needs ?? []) params.append("needs", id);
    return params;
  };
  const submit = (cookie: string | null, params: URLSearchParams, id = org.id) =>
    server.fetch(`/orgs/${id}/edit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: params,
    });
  /** Whether the position checkbox for (kind, node) is rendered ticked; fails when there is no such box. */
  const ticked = (html: string, kind: string, nodeId: string) => {
    const box = [...html.matchAll(/<input type="checkbox"[^>]*>/g)]
      .map((m) => m[0])
      .find((tag) => tag.includes(`name="${kind}"`) && tag.includes(`value="${nodeId}"`));
    expect(box, `${kind} checkbox for ${nodeId}`).toBeDefined();
    return box!.includes('checked=""');
  };
  const stored = async () => {
    const [row] = await database.db.select().from(organizations).where(eq(organizations.id, org.id));
    const positions = await database.db.select().from(orgPositions).where(eq(orgPositions.orgId, org.id));
    return { row, positions: positions.map((p) => `${p.kind}:${p.nodeId}`).sort() };
  };

  describe("who may", () => {
    it("sends visitors to log in and back", async () => {
      const res = await server.fetch(`/orgs/${org.id}/edit`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?redirectTo=%2Forgs%2F${org.id}%2Fedit`);
      expect((await submit(null, body(valid()))).status).toBe(302);
    });

    it.each(["plain", "representative", "otherAdmin"] as const)("refuses a %s with a 403", async (who) => {
      const before = await stored();
      const page = await server.fetch(`/orgs/${org.id}/edit`, { headers: { cookie: cookies[who] } });
      expect(page.status).toBe(403);
      expect(await page.text()).toContain("只有机构管理员和平台管理员可以进行此操作。");
      const res = await submit(cookies[who], body(valid({ nameEn: "Hijacked" })));
      expect(res.status).toBe(403);
      expect(await stored()).toEqual(before);
    });

    it("lets the admin of another organization edit only their own (swapped ids)", async () => {
      const res = await submit(
        cookies.otherAdmin,
        body(valid({ nameZh: "另一家", nameEn: "Other" })),
        otherOrg.id,
      );
      expect(res.status).toBe(303);
      expect((await stored()).row.nameEn).toBe("Edit Test Co.");
    });

    it("answers an unknown or malformed id with a 404", async () => {
      const headers = { cookie: cookies.platformAdmin };
      expect((await server.fetch("/orgs/not-a-uuid/edit", { headers })).status).toBe(404);
      expect(
        (await server.fetch("/orgs/00000000-0000-4000-8000-000000000000/edit", { headers })).status,
      ).toBe(404);
      expect((await submit(cookies.platformAdmin, body(valid()), "nope")).status).toBe(404);
    });

    it("lets a platform admin edit any organization", async () => {
      const page = await server.fetch(`/orgs/${org.id}/edit`, { headers: { cookie: cookies.platformAdmin } });
      expect(page.status).toBe(200);
      const res = await submit(
        cookies.platformAdmin,
        body(valid({ city: "滨海新区" }), { supplies: [nodes.get("part-a")!.id] }),
      );
      expect(res.status).toBe(303);
      expect((await stored()).row.city).toBe("滨海新区");
    });
  });

  describe("the form", () => {
    it("shows the stored values and ticks the stored positions", async () => {
      const res = await server.fetch(`/orgs/${org.id}/edit`, { headers: { cookie: cookies.admin } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/name="nameEn"[^>]*value="Edit Test Co\."/);
      expect(ticked(html, "supplies", nodes.get("part-a")!.id)).toBe(true);
      expect(ticked(html, "needs", nodes.get("part-a")!.id)).toBe(false);
    });

    it("saves the profile and replaces the positions in one go, with an audit entry", async () => {
      const res = await submit(
        cookies.admin,
        body(valid({ nameEn: "Edit Test Company", kind: "institute", descriptionEn: "Now an institute." }), {
          supplies: [nodes.get("part-b")!.id],
          needs: [nodes.get("assembly")!.id, nodes.get("part-b")!.id],
        }),
      );
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/orgs/${org.id}?done=saved`);
      const { row, positions } = await stored();
      expect(row).toMatchObject({
        nameEn: "Edit Test Company",
        kind: "institute",
        descriptionEn: "Now an institute.",
      });
      expect(positions).toEqual(
        [
          `needs:${nodes.get("assembly")!.id}`,
          `needs:${nodes.get("part-b")!.id}`,
          `supplies:${nodes.get("part-b")!.id}`,
        ].sort(),
      );
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.orgId, org.id))
        .orderBy(auditLog.id)
        .then((rows) => rows.slice(-1));
      expect(entry.action).toBe("org.updated");
      expect(entry.data).toMatchObject({
        changed: expect.arrayContaining(["nameEn", "kind", "descriptionEn"]),
      });
      const profile = await (
        await server.fetch(`/orgs/${org.id}?done=saved`, { headers: { "accept-language": "en" } })
      ).text();
      expect(profile).toContain("Now an institute.");
      expect(profile).toContain("The organization&#x27;s profile was saved.");
    });

    it("refuses bad values with a 400 naming each field and keeping everything typed", async () => {
      const before = await stored();
      const res = await submit(
        cookies.admin,
        body(
          valid({
            nameZh: "",
            nameEn: "Kept English Name",
            kind: "spaceship",
            website: "javascript:alert(1)",
            city: "城".repeat(51),
            descriptionEn: "x".repeat(4001),
            descriptionZh: "保留的中文简介",
          }),
          { needs: [nodes.get("use-a")!.id] },
        ),
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldErrors(html, "org-profile", "nameZh")).toBe("请填写中文名称。");
      expect(fieldErrors(html, "org-profile", "kind")).toBe("请选择一种类型。");
      expect(fieldErrors(html, "org-profile", "website")).toBe("请填写以 http:// 或 https:// 开头的网址。");
      expect(fieldErrors(html, "org-profile", "city")).toBe("城市名称过长。");
      expect(fieldErrors(html, "org-profile", "descriptionEn")).toBe("简介过长。");
      expect(html).toMatch(/name="nameEn"[^>]*value="Kept English Name"/);
      expect(html).toMatch(/name="website"[^>]*value="javascript:alert\(1\)"/);
      expect(html).toMatch(/<textarea[^>]*name="descriptionZh"[^>]*>保留的中文简介<\/textarea>/);
      expect(ticked(html, "needs", nodes.get("use-a")!.id)).toBe(true);
      expect(ticked(html, "supplies", nodes.get("use-a")!.id)).toBe(false);
      expect(await stored()).toEqual(before);
    });

    it("refuses node ids that name no node, naming the positions field", async () => {
      const before = await stored();
      const unknown = await submit(
        cookies.admin,
        body(valid({ nameEn: "Typed Name" }), { supplies: ["00000000-0000-4000-8000-000000000000"] }),
      );
      expect(unknown.status).toBe(400);
      const html = await unknown.text();
      expect(fieldErrors(html, "org-profile", "supplies")).toBe("所选环节中有不存在的环节，请重新选择。");
      expect(fieldErrors(html, "org-profile", "needs")).toBeUndefined();
      expect(html).toMatch(/name="nameEn"[^>]*value="Typed Name"/);

      const malformed = await submit(cookies.admin, body(valid(), { needs: ["not-a-node"] }));
      expect(malformed.status).toBe(400);
      expect(fieldErrors(await malformed.text(), "org-profile", "needs")).toBe(
        "所选环节中有不存在的环节，请重新选择。",
      );
      expect(await stored()).toEqual(before);
    });

    it("answers a body that is not a form, or an empty one, with a 400, not a 500", async () => {
      const res = await server.fetch(`/orgs/${org.id}/edit`, {
        method: "POST",
        headers: { cookie: cookies.admin, "content-type": "application/json" },
        body: "{",
      });
      expect(res.status).toBe(400);
      expect((await submit(cookies.admin, new URLSearchParams())).status).toBe(400);
    });
  });
});
