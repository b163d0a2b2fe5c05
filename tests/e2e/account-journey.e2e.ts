import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";

const zh = translator("zh-CN");
const en = translator("en");

/** A newcomer signs up, switches to English, logs out and logs back in — in a real Chromium. */
describe("account journey", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");
  const email = `e2e.${Date.now()}@example.org`;
  const password = "journey-password-2026";
  const displayName = "旅程测试用户";

  async function htmlLang(page: Page) {
    return page.locator("html").getAttribute("lang");
  }

  it("signs up, switches language, logs out and logs in", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(base);
    expect(await htmlLang(page)).toBe("zh-CN");
    await browser.screenshot(page, "01-home-zh");

    await page.getByRole("link", { name: zh("nav.signup"), exact: true }).click();
    await page.waitForURL(/\/signup/);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill("short");
    await page.locator('input[name="displayName"]').fill(displayName);
    await page.getByRole("button", { name: zh("auth.signup.submit"), exact: true }).click();
    // A bad password is refused with a message tied to the field, and nothing typed is lost.
    const passwordInput = page.locator('input[name="password"]');
    await expect.poll(() => passwordInput.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('input[name="email"]').inputValue()).toBe(email);
    expect(await page.locator('input[name="displayName"]').inputValue()).toBe(displayName);
    await browser.screenshot(page, "02-signup-error-zh");

    await passwordInput.fill(password);
    await page.getByRole("button", { name: zh("auth.signup.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const account = page.getByText(displayName, { exact: true }).first();
    await account.waitFor();
    await browser.screenshot(page, "03-signed-up-zh");

    await page.locator('button[name="locale"][value="en"]').first().click();
    await expect.poll(() => htmlLang(page)).toBe("en");
    await page
      .getByRole("link", { name: en("nav.alliances"), exact: true })
      .first()
      .waitFor();
    await browser.screenshot(page, "04-home-en");

    await page.locator("summary", { hasText: displayName }).click();
    await page.getByRole("button", { name: en("nav.logout"), exact: true }).click();
    await page.getByRole("link", { name: en("nav.login"), exact: true }).waitFor();
    expect(await page.getByText(displayName, { exact: true }).count()).toBe(0);
    expect(await htmlLang(page)).toBe("en");
    await browser.screenshot(page, "05-logged-out-en");

    await page.getByRole("link", { name: en("nav.login"), exact: true }).click();
    await page.waitForURL(/\/login/);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole("button", { name: en("auth.login.submit"), exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText(displayName, { exact: true }).first().waitFor();
    // Switching language while signed in saved it as the account's preference, which log-in restores.
    expect(await htmlLang(page)).toBe("en");
    await browser.screenshot(page, "06-logged-in");
  });
});
