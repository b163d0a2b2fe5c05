import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";

const zh = translator("zh-CN");
// Daniel Hoffmann's account prefers English, which logging in restores.
const en = translator("en");

/** An organizer of the robotics alliance finds a member in the directory and promotes them in place. */
describe("member directory journey", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  it("searches the directory, promotes a member and sees the badge change", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(`${base}/alliances/robotics/members`);
    // Visitors are sent to log in and come back here.
    await page.waitForURL(/\/login\?redirectTo=/);
    await page.locator('input[name="email"]').fill("daniel.hoffmann@demo.qilian.example");
    await page.locator('input[name="password"]').fill("qilian-demo-2026");
    await page.getByRole("button", { name: zh("auth.login.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/alliances/robotics/members");

    await page.getByLabel(en("membership.members.search")).fill("孙");
    await page.getByRole("button", { name: en("membership.members.submit"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "孙");
    const rows = page.locator("li[data-member]");
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    await row.getByText("孙浩", { exact: true }).waitFor();
    const badge = row.getByTestId("role-badge");
    expect(await badge.textContent()).toBe(en("membership.role.member"));
    await browser.screenshot(page, "member-directory-search");

    // The page is not reloaded: a marker on the window survives the change.
    await page.evaluate(() => Object.assign(window, { stillHere: true }));
    const select = row.getByLabel(en("membership.manage.role", { name: "孙浩" }));
    await select.selectOption("organizer");
    await row.getByRole("button", { name: `${en("membership.manage.changeRole")}: 孙浩` }).click();
    await expect.poll(() => badge.textContent()).toBe(en("membership.role.organizer"));
    await page
      .getByRole("status")
      .filter({
        hasText: en("membership.manage.roleChanged", { name: "孙浩", role: en("membership.role.organizer") }),
      })
      .waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await browser.screenshot(page, "member-directory-promoted");

    // Put the demo back as it was for the other journeys.
    await row.getByLabel(en("membership.manage.role", { name: "孙浩" })).selectOption("member");
    await row.getByRole("button", { name: `${en("membership.manage.changeRole")}: 孙浩` }).click();
    await expect.poll(() => badge.textContent()).toBe(en("membership.role.member"));
  });
});
