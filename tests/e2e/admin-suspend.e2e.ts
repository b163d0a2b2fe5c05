import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** Resolves once the page's Socket.IO connection has been accepted (the server's CONNECT packet, "40{…}"). */
function socketAccepted(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) =>
      socket.on("framereceived", (frame) => {
        if (String(frame.payload).startsWith("40")) resolve();
      }),
    );
  });
}

/** An operator suspends an account while its owner has a page open in another browser. */
describe("suspending a user", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");
  const stamp = Date.now();
  const email = `suspend.${stamp}@example.org`;
  const name = `停用测试${stamp % 100_000}`;

  it("signs the user's open page out within a second of the admin's click", async () => {
    const user = await browser.newPage();
    await user.goto(`${base}/signup`);
    await user.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await user.locator('input[name="email"]').fill(email);
    await user.locator('input[name="password"]').fill("suspend-journey-2026");
    await user.locator('input[name="displayName"]').fill(name);
    const connected = socketAccepted(user);
    await user.getByRole("button", { name: zh("auth.signup.submit"), exact: true }).click();
    await user.waitForURL((url) => url.pathname === "/");
    await user.getByText(name, { exact: true }).first().waitFor();
    await connected;

    const admin = await browser.newPage();
    await logIn(admin, "/admin/users", "admin@demo.qilian.example");
    await admin.goto(`${base}/admin/users?${new URLSearchParams({ q: email })}`);
    await admin.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const row = admin.locator("li[data-user-id]", { hasText: email });
    await row.locator("summary", { hasText: zh("adminTools.users.suspend") }).click();
    await row.locator('textarea[name="reason"]').fill("批量发布与产业无关的广告");
    await browser.screenshot(admin, "admin-suspend-01-confirm");

    const banner = user.locator("[data-session-ended]");
    expect(await banner.count()).toBe(0);
    const clicked = Date.now();
    await row.getByRole("button", { name: zh("adminTools.users.suspendSubmit"), exact: true }).click();
    await banner.waitFor({ state: "visible", timeout: 5000 });
    const noticed = Date.now() - clicked;
    expect(noticed, `the user's page noticed after ${noticed} ms`).toBeLessThan(1000);
    expect(await banner.textContent()).toContain(zh("adminTools.session.ended.title"));
    await browser.screenshot(user, "admin-suspend-02-user-signed-out");

    // The operator's page shows the account as suspended, with who did it and why.
    await row.getByText(zh("adminTools.users.done.suspended", { name }), { exact: true }).waitFor();
    await row
      .getByText(zh("adminTools.users.suspendedReason", { reason: "批量发布与产业无关的广告" }))
      .waitFor();
    await row.getByRole("button", { name: zh("adminTools.users.reinstate"), exact: true }).waitFor();
    await browser.screenshot(admin, "admin-suspend-03-admin-users");

    // The banner's link leads to the log-in page, back to where the user was.
    await banner.getByRole("link", { name: zh("adminTools.session.ended.login") }).click();
    await user.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("redirectTo") === "/");
    await user.getByRole("button", { name: zh("auth.login.submit"), exact: true }).waitFor();

    // Reinstated, the account can log in again.
    await row.getByRole("button", { name: zh("adminTools.users.reinstate"), exact: true }).click();
    await row.getByText(zh("adminTools.users.done.reinstated", { name }), { exact: true }).waitFor();
    await logIn(user, "/", email, "suspend-journey-2026");
    await user.getByText(name, { exact: true }).first().waitFor();
    expect(await user.locator("[data-session-ended]").count()).toBe(0);

    // Both steps are in the audit log, found by what happened.
    await admin.goto(`${base}/admin/audit?${new URLSearchParams({ action: "user" })}`);
    const entries = admin.locator("tr[data-audit-id]", { hasText: name });
    await entries.first().waitFor();
    expect(await entries.allTextContents()).toEqual([
      expect.stringContaining("user.reinstated"),
      expect.stringContaining("批量发布与产业无关的广告"),
    ]);
    await browser.screenshot(admin, "admin-suspend-04-audit");
  });

  it("shows the operators' other tools", async () => {
    const admin = await browser.newPage();
    await logIn(admin, "/admin/users", "admin@demo.qilian.example");
    await admin.locator("li[data-user-id]").first().waitFor();
    await browser.screenshot(admin, "admin-tools-01-users");
    await admin.goto(`${base}/admin/organizations`);
    await admin.locator("li[data-org-id]").first().waitFor();
    await browser.screenshot(admin, "admin-tools-02-organizations");
    await admin.goto(`${base}/admin/alliances?appoint=robotics`);
    await admin.locator("#appoint-panel li").first().waitFor();
    await browser.screenshot(admin, "admin-tools-03-alliances");
  });
});
