import type { Page } from "playwright-core";
import { inject } from "vitest";
import { translator } from "~/i18n/translate";

/** Every demo account's password (db/seed-data). */
export const DEMO_PASSWORD = "qilian-demo-2026";

const zh = translator("zh-CN");

/** Logs in through the form (the page starts in Chinese) and waits to land on `redirectTo`, hydrated. */
export async function logIn(
  page: Page,
  redirectTo: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${inject("e2eBaseUrl")}/login?${new URLSearchParams({ redirectTo })}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: zh("auth.login.submit"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirectTo);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
