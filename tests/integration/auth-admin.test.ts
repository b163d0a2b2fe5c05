import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/schema/index";
import { useTestServer } from "../setup/server";
import { logIn } from "./auth-helpers";

describe("platform admin bootstrap", () => {
  const server = useTestServer({ ADMIN_EMAIL: "Root@Qilian.Example", ADMIN_PASSWORD: "bootstrap secret" });

  it("creates the admin from the environment, who can then log in", async () => {
    const [admin] = await server.services.db
      .select()
      .from(users)
      .where(eq(users.email, "root@qilian.example"));
    expect(admin.platformRole).toBe("admin");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const cookie = await logIn(server, "root@qilian.example", "bootstrap secret");
    const settings = await server.fetch("/settings", { headers: { cookie } });
    expect(settings.status).toBe(200);
  });
});
