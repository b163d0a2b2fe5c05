import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { MessageKey } from "~/i18n/dictionary";
import { translator } from "~/i18n/translate";
import { utcToZoned } from "~/utils/zoned-time";
import { readCsv } from "../csv-reader";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** An alliance of the seed whose Chinese name the CSV must carry unchanged. */
const ROBOTICS = "天津市机器人产业联盟";

/**
 * The journey: the platform admin opens the dashboard (this month by default), sees the headline
 * and the server-drawn charts, switches to a year and sees charts and figures change, then downloads the
 * by-alliance table as CSV, which is read back here: UTF-8 with a byte-order mark, the header in the
 * reader's language, the seed's Chinese alliance names intact and the same numbers as on the page.
 */
describe("the admin dashboard", () => {
  const browser = useBrowser();
  /** From the top: a full-page shot otherwise draws the sticky header over whatever was scrolled to. */
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, name);
  };
  const seriesSvg = (page: Page) =>
    page
      .locator('section[aria-labelledby="chart-series-heading"] figure svg')
      .first()
      .evaluate((svg) => svg.outerHTML);
  const headline = (page: Page, label: MessageKey) =>
    page
      .locator('section[aria-labelledby="headline-heading"] dl > div')
      .filter({ has: page.locator("dt", { hasText: zh(label) }) })
      .locator("dd")
      .first()
      .textContent();
  const allianceRow = (page: Page) =>
    page.locator("#table-by-alliance tbody tr").filter({ has: page.locator("th", { hasText: ROBOTICS }) });

  it("shows charts, changes the period and exports a table that opens with its Chinese text intact", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await logIn(page, "/admin", "admin@demo.qilian.example");

    // This month: the headline and a chart for each view, each with its table.
    await page.getByRole("heading", { name: zh("insights.headline.title"), exact: true }).waitFor();
    for (const id of ["chart-series", "chart-by-chain", "chart-heatmap", "chart-by-alliance"])
      expect(await page.locator(`section[aria-labelledby="${id}-heading"] figure svg`).count(), id).toBe(1);
    const monthSvg = await seriesSvg(page);
    const monthSolved = await headline(page, "insights.headline.problemsSolved");
    const monthRows = await page
      .locator('section[aria-labelledby="chart-series-heading"] table tbody tr')
      .count();
    expect(monthRows).toBeGreaterThanOrEqual(28);
    await shot(page, "admin-dashboard-01-month");

    // A year half a year back, so it always holds months of the seeded history whatever today is.
    const year = utcToZoned(new Date(Date.now() - 183 * 86_400_000), "Asia/Shanghai").slice(0, 4);
    await page.locator("#insights-period").selectOption("year");
    await page.locator("#insights-year").fill(year);
    await page.getByRole("button", { name: zh("insights.period.submit"), exact: true }).click();
    await page.waitForURL(
      (url) => url.searchParams.get("period") === "year" && url.searchParams.get("year") === year,
    );
    await expect.poll(() => seriesSvg(page)).not.toBe(monthSvg);
    expect(await page.locator('section[aria-labelledby="chart-series-heading"] table tbody tr').count()).toBe(
      12,
    );
    const yearSolved = await headline(page, "insights.headline.problemsSolved");
    expect(Number(yearSolved)).toBeGreaterThan(Number(monthSolved));
    expect(Number(yearSolved)).toBeGreaterThanOrEqual(20);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await shot(page, "admin-dashboard-02-year");

    // The by-alliance table as a file, as a spreadsheet user would get it.
    const onPage = (await allianceRow(page).locator("td").allTextContents()).map((cell) => cell.trim());
    const link = page.getByRole("link", {
      name: zh("insights.table.csvLabel", { table: zh("insights.table.byAlliance") }),
      exact: true,
    });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // readCsv insists on CRLF row ends and unquotes fields, so a name with a comma would still be one cell.
    const [header, ...rows] = readCsv(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3)));
    const col = (key: string) => zh(`insightsReport.col.${key}` as MessageKey);
    expect(header).toEqual(
      [
        "alliance",
        "members",
        "organizations",
        "problemsPosted",
        "problemsSolved",
        "eventsHeld",
        "registrations",
        "attended",
        "resourcesShared",
      ].map(col),
    );
    expect(rows).toHaveLength(7);
    const robotics = rows.find((row) => row[0] === ROBOTICS);
    expect(robotics, "the robotics alliance's row, its name intact").toBeDefined();
    expect(rows.map((row) => row[0])).toContain("天津市智能车辆学会");
    // The file holds the figures the page shows.
    expect(robotics!.slice(1)).toEqual(onPage.map((cell) => cell.replace(/,/g, "")));
  });
});
