import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed-data/users";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";

const zh = translator("zh-CN");
const en = translator("en");

/** A demo organization admin edits the English description, adds a "needs" position and sees both on the profile. */
describe("organization journey", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");
  const description = `Processor designs for servers and desktops, now also looking for storage partners (${Date.now()}).`;

  it("edits the profile and a position, then sees them on the profile", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(`${base}/login`);
    await page.locator('input[name="email"]').fill("wang.lei@demo.qilian.example");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: zh("auth.login.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page
      .getByRole("link", { name: zh("org.directory.title"), exact: true })
      .first()
      .click();
    await page.waitForURL(/\/orgs$/);
    await page.getByRole("searchbox", { name: zh("org.directory.search") }).fill("海河芯算");
    await page.getByRole("button", { name: zh("org.directory.submit"), exact: true }).click();
    await page.waitForURL(/q=/);
    await page.getByRole("link", { name: "天津海河芯算科技有限公司", exact: true }).click();
    await page.waitForURL(/\/orgs\/[0-9a-f-]{36}$/);
    const profileUrl = page.url();

    await page.getByRole("link", { name: zh("org.profile.edit"), exact: true }).click();
    await page.waitForURL(/\/edit$/);
    const storageNeeds = page.getByRole("checkbox", {
      name: `存储芯片与存储设备: ${zh("org.positions.needs")}`,
      exact: true,
    });
    expect(await storageNeeds.isChecked()).toBe(false);

    // A bad website is refused, tied to its field, and what was typed stays.
    const descriptionEn = page.getByLabel(zh("org.field.descriptionEn"), { exact: true });
    await descriptionEn.fill(description);
    await storageNeeds.check();
    const website = page.getByLabel(zh("org.field.website"), { exact: true });
    const savedWebsite = await website.inputValue();
    await website.fill("ftp://haihe.example.com");
    await page.getByRole("button", { name: zh("org.edit.submit"), exact: true }).click();
    await expect.poll(() => website.getAttribute("aria-invalid")).toBe("true");
    await page.getByText(zh("org.error.websiteInvalid")).waitFor();
    expect(await descriptionEn.inputValue()).toBe(description);
    expect(await storageNeeds.isChecked()).toBe(true);
    await browser.screenshot(page, "org-01-edit-error-zh");

    await website.fill(savedWebsite);
    await page.getByRole("button", { name: zh("org.edit.submit"), exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(profileUrl) && url.search === "?done=saved");
    await page.getByText(zh("org.edit.saved")).waitFor();

    const needsLink = page.locator('a[href="/chains/independent-it/storage"]');
    await needsLink.waitFor();
    expect(await needsLink.textContent()).toBe("存储芯片与存储设备");
    const needsRow = page
      .locator("dt", { hasText: zh("org.positions.needs") })
      .first()
      .locator("xpath=following-sibling::dd[1]");
    expect(await needsRow.locator('a[href="/chains/independent-it/storage"]').count()).toBe(1);
    await browser.screenshot(page, "org-02-profile-zh");

    await page.locator('button[name="locale"][value="en"]').first().click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByText(description).waitFor();
    await page.getByRole("heading", { level: 2, name: en("org.positions.title") }).waitFor();
    expect(await page.locator('a[href="/chains/independent-it/storage"]').first().textContent()).toBe(
      "Memory chips and storage devices",
    );
    await browser.screenshot(page, "org-03-profile-en");

    // The admin's representatives page: a shareable link is shown once, then listed as an open invitation.
    await page.getByRole("link", { name: en("org.profile.representatives"), exact: true }).click();
    await page.waitForURL(/\/representatives$/);
    await page.getByRole("button", { name: en("org.invite.linkSubmit"), exact: true }).click();
    const link = page.getByRole("textbox", { name: en("org.invitations.link"), exact: true });
    await link.waitFor();
    expect(await link.inputValue()).toMatch(new RegExp(`^${base}/invitations/[A-Za-z0-9_-]+$`));
    await page.getByText(en("org.state.valid"), { exact: true }).first().waitFor();
    await browser.screenshot(page, "org-04-representatives-en");
  });
});
