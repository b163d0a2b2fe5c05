import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");
// The demo organizer reads English: his account says so.
const en = translator("en");

/**
 * A newcomer asks to join the robotics alliance (by request); its organizer, in a second browser,
 * approves; the newcomer's page turns into a member's page without a reload.
 */
describe("joining an alliance by request", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  it("asks, is approved in another browser, and sees it live", async () => {
    const applicant = await browser.newPage();
    applicant.setDefaultTimeout(10_000);
    const email = `e2e.join.${Date.now()}@example.org`;
    const name = "入盟测试用户";
    await applicant.goto(`${base}/signup?${new URLSearchParams({ redirectTo: "/alliances/robotics" })}`);
    await applicant.locator('input[name="email"]').fill(email);
    await applicant.locator('input[name="password"]').fill("membership-journey-2026");
    await applicant.locator('input[name="displayName"]').fill(name);
    await applicant.getByRole("button", { name: zh("auth.signup.submit"), exact: true }).click();
    await applicant.waitForURL((url) => url.pathname === "/alliances/robotics");

    const note = applicant.locator('textarea[name="message"]');
    await note.fill("我们做谐波减速器，希望与整机厂对接。");
    await applicant.getByRole("button", { name: zh("membership.panel.request"), exact: true }).click();
    await applicant.getByText(zh("membership.panel.pending"), { exact: true }).waitFor();
    await browser.screenshot(applicant, "membership-01-pending");

    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, "/alliances/robotics/requests", "daniel.hoffmann@demo.qilian.example");
    const card = organizer.getByRole("listitem", { name });
    await card.getByText("希望与整机厂对接").waitFor();
    await browser.screenshot(organizer, "membership-02-requests");
    await card.getByRole("button", { name: en("membership.requests.approve"), exact: true }).click();
    await card.waitFor({ state: "detached" });

    // No reload: the applicant's open page learns of the decision over its socket.
    const memberText = zh("membership.panel.member", { role: zh("membership.role.member") });
    await applicant.getByText(memberText, { exact: true }).waitFor({ timeout: 10_000 });
    expect(await applicant.getByText(zh("membership.panel.pending"), { exact: true }).count()).toBe(0);
    await browser.screenshot(applicant, "membership-03-member");
  });
});
