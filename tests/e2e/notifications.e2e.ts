import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";

const zh = translator("zh-CN");
const en = translator("en");
const DEMO_PASSWORD = "qilian-demo-2026";
const ALLIANCE = "/alliances/advanced-communications";

/**
 * An organizer keeps the notifications page open; a newcomer, in a second browser, asks to join
 * their alliance. The organizer's bell and list show it without a reload, and following it marks it
 * read and leads to the requests.
 */
describe("notifications", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  const bell = (page: Page) => page.locator('header a[href="/notifications"]');
  const unread = async (page: Page) => Number(await bell(page).getAttribute("data-unread"));

  it("tells an organizer live when someone asks to join", async () => {
    const organizer = await browser.newPage();
    await organizer.goto(`${base}/login?${new URLSearchParams({ redirectTo: "/notifications" })}`);
    await organizer.locator('input[name="email"]').fill("emily.zhou@demo.qilian.example");
    await organizer.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await organizer.getByRole("button", { name: zh("auth.login.submit"), exact: true }).click();
    await organizer.waitForURL((url) => url.pathname === "/notifications");
    // Emily Zhou reads Qilian in English (her account's language).
    // The URL changes as the navigation commits; the document's language follows with the render.
    await expect.poll(() => organizer.locator("html").getAttribute("lang")).toBe("en");
    await organizer.getByRole("heading", { name: en("notification.title"), exact: true }).waitFor();
    const before = await unread(organizer);
    const listedBefore = await organizer.locator("li[data-notification]").count();
    // Wait for the page's scripts, so the socket is up before the request is made.
    await organizer.waitForFunction(() => document.readyState === "complete");

    const applicant = await browser.newPage();
    const name = `通知测试用户${Date.now() % 100000}`;
    await applicant.goto(`${base}/signup?${new URLSearchParams({ redirectTo: ALLIANCE })}`);
    await applicant.locator('input[name="email"]').fill(`e2e.notify.${Date.now()}@example.org`);
    await applicant.locator('input[name="password"]').fill("notifications-journey-2026");
    await applicant.locator('input[name="displayName"]').fill(name);
    await applicant.getByRole("button", { name: zh("auth.signup.submit"), exact: true }).click();
    await applicant.waitForURL((url) => url.pathname === ALLIANCE);
    await applicant.getByRole("button", { name: zh("membership.panel.request"), exact: true }).click();
    await applicant.getByText(zh("membership.panel.pending"), { exact: true }).waitFor();

    // No reload: the bell counts it and the list shows it at the top.
    await expect.poll(() => unread(organizer), { timeout: 15_000 }).toBe(before + 1);
    expect(await bell(organizer).getAttribute("aria-label")).toBe(
      en("notification.bellUnread", { count: before + 1 }),
    );
    const sentence = en("notification.type.membership.requested", {
      applicant: name,
      alliance: "Tianjin Advanced Communications Industry Alliance",
    });
    const top = organizer.locator("li[data-notification]").first();
    await expect.poll(() => top.textContent()).toContain(sentence);
    expect(await organizer.locator("li[data-notification]").count()).toBe(listedBefore + 1);
    expect(await top.getAttribute("data-read")).toBe("false");
    await browser.screenshot(organizer, "notifications-01-live");

    // Following it marks it read and leads to the requests; the bell comes down.
    await top.getByRole("button").click();
    await organizer.waitForURL((url) => url.pathname === `${ALLIANCE}/requests`);
    await expect.poll(() => unread(organizer)).toBe(before);
  });
});
