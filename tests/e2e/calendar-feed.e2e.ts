import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { eventSeedId } from "../../db/seed-data/events";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** The seed's factory visit, 26 days after the seed run; the reducer seminar, which this member skips. */
const VISIT = `/events/${eventSeedId("iot-visit")}`;
const VISIT_TITLE = "智能终端产线参观考察";
const SEMINAR_TITLE = "谐波减速器寿命与国产化研讨会";

/** An iCalendar text with its folded lines joined again (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

/**
 * A member registers for a visit, makes their private feed link in settings and finds the visit in the
 * feed; turns the one-hour reminder off and sees it kept; turns the feed off, and the old link is gone.
 */
describe("the private calendar feed and reminder settings", () => {
  const browser = useBrowser();
  /** A full-page shot taken from the top (scrolled, the sticky header would be drawn mid-page). */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, name);
  };

  it("serves the member's events until revoked, and keeps reminder choices", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, VISIT, "wang.lei@demo.qilian.example");
    await page.getByRole("button", { name: zh("eventRegistration.register"), exact: true }).click();
    await page.getByText(zh("eventRegistration.confirmed"), { exact: true }).waitFor();

    await page.goto(`${new URL(page.url()).origin}/settings`);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const feed = page.getByRole("region", { name: zh("calendarFeed.heading"), exact: true });
    await feed.getByText(zh("calendarFeed.none"), { exact: true }).waitFor();
    await feed.getByRole("button", { name: zh("calendarFeed.create"), exact: true }).click();
    await feed.getByText(zh("calendarFeed.created"), { exact: true }).waitFor();
    const https = await feed.getByTestId("calendar-feed-https").inputValue();
    expect(https).toMatch(/^https?:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const webcal = await feed.getByRole("link", { name: zh("calendarFeed.webcal") }).getAttribute("href");
    expect(webcal).toBe(https.replace(/^https?:/, "webcal:"));
    await feed.getByRole("button", { name: zh("calendarFeed.revoke"), exact: true }).waitFor();
    await shoot(page, "calendar-feed-01-link");

    // The feed, fetched without the session as a calendar app would: the visit is there, others' events not.
    const url = new URL(new URL(https).pathname, page.url()).toString();
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/calendar/);
    const ics = unfold(await answer.text());
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`SUMMARY:${VISIT_TITLE}`);
    expect(ics).toContain(`${VISIT}`);
    expect(ics).not.toContain(SEMINAR_TITLE);

    // Reminders: the hour-before one off; after saving and a fresh load, it stays off.
    const reminders = page.getByRole("region", { name: zh("eventReminders.settings.heading"), exact: true });
    const day = reminders.getByLabel(zh("eventReminders.settings.day"), { exact: true });
    const hour = reminders.getByLabel(zh("eventReminders.settings.hour"), { exact: true });
    const email = reminders.getByLabel(zh("eventReminders.settings.email"), { exact: true });
    expect([await day.isChecked(), await hour.isChecked(), await email.isChecked()]).toEqual([
      true,
      true,
      true,
    ]);
    await hour.uncheck();
    await reminders.getByRole("button", { name: zh("eventReminders.settings.submit"), exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get("done") === "reminders");
    await page.getByText(zh("eventReminders.settings.saved"), { exact: true }).waitFor();
    await page.reload();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect([await day.isChecked(), await hour.isChecked(), await email.isChecked()]).toEqual([
      true,
      false,
      true,
    ]);

    // The feed is on since this visit's link; turning it off makes the old link answer 404.
    await feed.getByText(zh("calendarFeed.active", { time: "" }).slice(0, 6)).waitFor();
    await feed.getByRole("button", { name: zh("calendarFeed.revoke"), exact: true }).click();
    await feed.getByText(zh("calendarFeed.revoked"), { exact: true }).waitFor();
    await feed.getByRole("button", { name: zh("calendarFeed.create"), exact: true }).waitFor();
    expect(await feed.getByRole("button", { name: zh("calendarFeed.revoke") }).count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
    await shoot(page, "calendar-feed-02-revoked");
  });
});
