import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { screenshotDir, useBrowser } from "./browser";

/** The chain map in a real Chromium: counts on the boxes, and a node reached and opened by keyboard alone. */
describe("chain map", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  /** Tabs forward until the focused element links to `href` (or gives up), so only the keyboard moves focus. */
  async function tabTo(page: Page, href: string) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      if (focused === href) return;
    }
    throw new Error(`Tab never reached ${href}`);
  }

  async function shootMap(page: Page, name: string) {
    await page
      .locator('svg[role="group"]')
      .first()
      .locator("xpath=..")
      .screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  }

  it("shows counts and weak links, and opens a node's page from the map with Tab and Enter", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await page.goto(`${base}/chains/industrial-robots`);
    const map = page.locator('svg[role="group"]');
    await map.waitFor();
    expect(await map.getByText("供 0 · 需 2").count()).toBeGreaterThanOrEqual(2);
    expect(await map.getByText("供 2 · 需 1").count()).toBe(1);
    expect(await map.getByText("⚠ 薄弱环节").count()).toBe(2);
    await shootMap(page, "chain-map");
    await browser.screenshot(page, "chain-page-zh");

    const target = "/chains/industrial-robots/robot-body";
    await tabTo(page, target);
    // the focused link is the box in the map, not the same link in the text list below it
    expect(await page.evaluate(() => document.activeElement?.closest("svg") !== null)).toBe(true);
    await shootMap(page, "chain-map-focus");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === target);
    await page.getByRole("heading", { level: 1, name: "机器人本体" }).waitFor();
    await page.getByText("这是一个薄弱环节").waitFor();
    await page.getByRole("link", { name: "天津津开机器人系统集成有限公司" }).waitFor();
    await browser.screenshot(page, "chain-node-zh");
  });

  it("labels the map in English for an English reader", async () => {
    const page = await browser.newPage({ locale: "en" });
    await page.goto(`${base}/chains/industrial-robots`);
    const map = page.locator('svg[role="group"]');
    await map.waitFor();
    expect(await map.getByText("0 supply · 2 need").count()).toBeGreaterThanOrEqual(2);
    expect(await map.getByText("⚠ Weak link").count()).toBe(2);
    await page
      .getByRole("link", { name: "Robot bodies: supplied by 0, needed by 2 organizations, a weak link" })
      .waitFor();
    await shootMap(page, "chain-map-en");
    await page.goto(`${base}/chains`);
    await browser.screenshot(page, "chains-overview-en");
  });
});
