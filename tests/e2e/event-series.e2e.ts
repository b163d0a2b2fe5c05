import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { eventSeedId } from "../../db/seed-data/events";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** The seed's weekly robotics seminar: eight Tuesdays from five days after the seed run, the third cancelled. */
const SERIES = `/events/${eventSeedId("robotics-weekly-series")}`;
const TITLE = "机器人关键零部件每周研讨";

/** A datetime-local value moved by `minutes` (the input's wall-clock time; the zone does not matter). */
function later(value: string, minutes: number): string {
  const shifted = new Date(new Date(`${value}:00Z`).getTime() + minutes * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * A member registers for every coming date of a weekly series and sees a place and a code on each; an
 * organizer moves one date and cancels another; the member's open page marks both without a reload, and
 * their bell carries the two notices.
 */
describe("a weekly series", () => {
  const browser = useBrowser();
  /** A full-page shot taken from the top (scrolled, the sticky header would be drawn mid-page). */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, name);
  };
  const base = inject("e2eBaseUrl");
  const bell = (page: Page) => page.locator('header a[href="/notifications"]');
  const unread = async (page: Page) => Number(await bell(page).getAttribute("data-unread"));

  it("registers for all dates, then shows a moved and a cancelled date live, with notices", async () => {
    const member = await browser.newPage();
    member.setDefaultTimeout(10_000);
    await logIn(member, SERIES, "huang.zhiyuan@demo.qilian.example");
    await member.getByRole("heading", { name: TITLE }).waitFor();
    const dates = member.getByTestId("series-dates").locator("li[data-occurrence]");
    expect(await dates.count()).toBe(8);
    const scheduled = dates.filter({
      hasNot: member.getByText(zh("eventSeries.cancelled"), { exact: true }),
    });
    expect(await scheduled.count()).toBe(7);

    await member.getByRole("button", { name: zh("eventSeries.registerAll"), exact: true }).click();
    await member
      .getByRole("status")
      .getByText(zh("eventSeries.registeredAll", { count: 7 }), { exact: true })
      .waitFor();
    // Every coming date shows the member's place (a check-in code) and a button to give it back.
    await expect.poll(() => scheduled.getByTestId("registration-state").count()).toBe(7);
    const codes = await scheduled.getByTestId("check-in-code").allTextContents();
    expect(codes).toHaveLength(7);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(
      await scheduled.getByRole("button", { name: zh("eventRegistration.cancel"), exact: true }).count(),
    ).toBe(7);
    expect(await member.getByRole("button", { name: zh("eventSeries.registerAll") }).count()).toBe(0);
    const moved = (await scheduled.nth(0).getAttribute("data-occurrence"))!;
    const cancelled = (await scheduled.nth(1).getAttribute("data-occurrence"))!;
    const row = (id: string) => member.locator(`li[data-occurrence="${id}"]`);
    expect(await row(moved).getByText(zh("eventSeries.moved"), { exact: true }).count()).toBe(0);
    const unreadBefore = await unread(member);
    await member.waitForLoadState("networkidle");

    // The organizer moves the first date half an hour later, on its own page.
    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, SERIES, "zhao.min@demo.qilian.example");
    await organizer
      .locator(`li[data-occurrence="${moved}"]`)
      .getByRole("link", { name: zh("eventSeries.editOne"), exact: true })
      .click();
    await organizer.waitForURL((url) => url.pathname === `${SERIES}/occurrences/${moved}`);
    await organizer.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await organizer.getByRole("heading", { name: zh("eventSeries.occurrence.title") }).waitFor();
    const startsAt = organizer.locator('input[name="startsAt"]');
    const endsAt = organizer.locator('input[name="endsAt"]');
    const oldStart = await startsAt.inputValue();
    expect(oldStart).toMatch(/T19:00$/);
    await startsAt.fill(later(oldStart, 30));
    await endsAt.fill(later(await endsAt.inputValue(), 30));
    await shoot(organizer, "series-01-edit-one");
    await organizer.getByRole("button", { name: zh("eventSeries.occurrence.submit"), exact: true }).click();
    await organizer.waitForURL((url) => url.pathname === SERIES);
    const organizerRow = organizer.locator(`li[data-occurrence="${moved}"]`);
    await organizerRow.getByText(zh("eventSeries.moved"), { exact: true }).waitFor();
    expect(await organizerRow.textContent()).toContain("19:30");

    // …and cancels the second, after confirming.
    await organizer.locator("html[data-hydrated]").waitFor({ state: "attached" });
    organizer.once("dialog", (dialog) => void dialog.accept());
    await organizer
      .locator(`li[data-occurrence="${cancelled}"]`)
      .getByRole("button", { name: zh("eventSeries.cancelOne"), exact: true })
      .click();
    await organizer
      .locator(`li[data-occurrence="${cancelled}"]`)
      .getByText(zh("eventSeries.cancelled"), { exact: true })
      .waitFor();

    // The member's page, never reloaded, marks both dates; the cancelled one shows no
    // code and no button any more.
    await row(moved).getByText(zh("eventSeries.moved"), { exact: true }).waitFor();
    expect(await row(moved).textContent()).toContain("19:30");
    await row(cancelled).getByText(zh("eventSeries.cancelled"), { exact: true }).waitFor();
    expect(await row(cancelled).getByRole("button").count()).toBe(0);
    expect(await row(cancelled).getByTestId("registration-state").count()).toBe(0);
    await expect.poll(() => unread(member)).toBe(unreadBefore + 2);
    await shoot(member, "series-02-member-live");

    await member.goto(`${base}/notifications`);
    const notices = member.locator("li[data-notification]");
    await notices.first().waitFor();
    const texts = (await notices.allTextContents()).slice(0, 2).join("\n");
    // Each notice names its date (worded around it; the date itself is the browser's formatting).
    const around = (key: "eventSeries.notice.changedTo" | "eventSeries.notice.cancelledOn") =>
      zh(key, { event: TITLE, when: "\u0000" }).split("\u0000");
    const [changedBefore, changedAfter] = around("eventSeries.notice.changedTo");
    expect(texts).toContain(changedBefore);
    expect(texts).toContain(changedAfter);
    expect(texts.slice(texts.indexOf(changedBefore))).toMatch(/^[^\n]*19:30/);
    for (const part of around("eventSeries.notice.cancelledOn")) expect(texts).toContain(part);
    await shoot(member, "series-03-notices");
  });
});
