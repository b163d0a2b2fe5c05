import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { dayOf } from "~/utils/calendar-grid";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** The seed's reducer seminar, nine days after the seed run at 14:00 in Shanghai (db/seed-data/events.ts). */
const SEMINAR = "谐波减速器寿命与国产化研讨会";

/**
 * A member opens the calendar from the header, finds a seminar in the month grid with their own time
 * beside Shanghai's, looks at its week and the list, and filters it away by type; the URL holds each step.
 */
describe("the event calendar", () => {
  const browser = useBrowser();

  it("goes from month to week to list, shows the viewer's time and filters by type", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, "/events", "chen.jing@demo.qilian.example");
    await page
      .getByRole("navigation", { name: zh("nav.main") })
      .getByRole("link", { name: zh("eventCalendar.nav") })
      .click();
    await page.waitForURL((url) => url.pathname === "/calendar");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });

    // Once hydrated, the page tells the server the browser's zone and redraws in it.
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await page.getByText(zh("eventCalendar.daysIn", { zone }), { exact: true }).waitFor();
    expect(zone).not.toBe("Asia/Shanghai");

    const seminarDay = dayOf(new Date(Date.now() + 9 * 86_400_000), "Asia/Shanghai");
    const month = page.getByTestId("calendar-month");
    if (
      (await month.locator(`td[data-day="${seminarDay}"]`).count()) === 0 ||
      !(await month.getByText(SEMINAR).count())
    ) {
      await page.getByRole("link", { name: zh("eventCalendar.next.month") }).click();
      await page.waitForURL((url) => url.searchParams.has("date"));
    }
    const entry = month.getByRole("link", { name: new RegExp(SEMINAR) });
    await entry.waitFor();
    await expect.poll(() => entry.getByTestId("viewer-time").count()).toBe(1);
    expect(await month.getByRole("columnheader").count()).toBe(7);
    await browser.screenshot(page, "calendar-01-month");

    await page.goto(`${new URL(page.url()).origin}/calendar?date=${seminarDay}`);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("link", { name: zh("eventCalendar.view.week"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "week");
    const week = page.getByTestId("calendar-week");
    await week.getByRole("link", { name: SEMINAR, exact: true }).waitFor();
    expect(await week.locator(`td[data-day="${seminarDay}"]`).getByText(SEMINAR).count()).toBe(1);
    await browser.screenshot(page, "calendar-02-week");

    await page.getByRole("link", { name: zh("eventCalendar.view.list"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "list");
    const list = page.getByTestId("calendar-list");
    await list.getByRole("link", { name: SEMINAR, exact: true }).waitFor();
    expect(await list.getByTestId("viewer-time").count()).toBeGreaterThan(0);
    await browser.screenshot(page, "calendar-03-list");

    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("combobox", { name: zh("event.list.anyType") }).selectOption("workshop");
    await page.getByRole("button", { name: zh("event.list.filter"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("type") === "workshop");
    const url = new URL(page.url());
    expect(url.searchParams.get("view")).toBe("list");
    expect(url.searchParams.get("date")).toBe(seminarDay);
    await expect.poll(() => page.getByRole("link", { name: SEMINAR, exact: true }).count()).toBe(0);
  });
});
