import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const screenshotDir = path.resolve("tests/e2e/screenshots");

/**
 * Debian's Chromium driven by playwright-core (no browser download). The page fails the test on any
 * console error or uncaught exception.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const problems: string[] = [];
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    fs.mkdirSync(screenshotDir, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterEach(() => {
    const seen = problems.splice(0);
    expect(seen, "browser console errors").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(options: { locale?: string } = {}): Promise<Page> {
      const context = await browser!.newContext({ locale: options.locale ?? "zh-CN" });
      const page = await context.newPage();
      page.on("console", (message) => {
        // Chromium reports every 400 a form submission gets; a refused form is expected behaviour.
        if (message.type() !== "error" || /status of 400 \(Bad Request\)/.test(message.text())) return;
        problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      return page;
    },
    async screenshot(page: Page, name: string) {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    },
  };
}
