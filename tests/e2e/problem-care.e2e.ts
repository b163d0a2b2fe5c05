import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");
/** Daniel Hoffmann reads the platform in English. */
const en = translator("en");

/**
 * Editing, following, reporting and moderation through the page's forms: the poster edits (history
 * appears), a member follows and reports a reply, an organizer hides it with a reason, and the member
 * sees the reason in its place.
 */
describe("editing, following, reporting and hiding on a problem's page", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  it("edits with history, follows, reports a reply and hides it with a reason", async () => {
    const poster = await browser.newPage();
    poster.setDefaultTimeout(10_000);
    await logIn(poster, "/problems/new", "zhao.min@demo.qilian.example");
    const title = `协作机器人关节异响 ${Date.now()}`;
    await poster.locator('input[name="title"]').fill(title);
    await poster.locator('textarea[name="body"]').fill("低速运行时关节出现周期性异响。");
    await poster.locator('select[name="allianceId"]').selectOption({ label: "天津市机器人产业联盟" });
    await poster.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    await poster.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    const path = new URL(poster.url()).pathname;
    await poster.waitForLoadState("networkidle");

    await poster.getByRole("link", { name: zh("problemCare.edit.link"), exact: true }).click();
    await poster.waitForURL(`${base}${path}/edit`);
    await poster.waitForLoadState("networkidle");
    await poster.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const body = poster.locator('textarea[name="body"]');
    await body.fill("低速运行时关节出现周期性异响。\n\n已排除轴承问题。");
    expect(await body.inputValue()).toContain("已排除轴承问题。");
    await poster.getByRole("button", { name: zh("problemCare.edit.submit"), exact: true }).click();
    await poster.waitForURL(`${base}${path}`);
    await poster.getByText("已排除轴承问题。").waitFor();
    await poster.getByRole("link", { name: zh("problemCare.edited.link"), exact: true }).click();
    await poster.getByText("已排除轴承问题。").waitFor();
    await browser.screenshot(poster, "problem-care-01-history");

    const member = await browser.newPage();
    member.setDefaultTimeout(10_000);
    await logIn(member, path, "sun.hao@demo.qilian.example");
    await member.waitForLoadState("networkidle");
    await member.getByRole("button", { name: zh("problemCare.follow.follow"), exact: true }).click();
    await member.getByRole("button", { name: zh("problemCare.follow.unfollow"), exact: true }).waitFor();
    await member.locator('textarea[name="body"]').fill("可以试试更换润滑脂，加微信了解低价产品。");
    await member.getByRole("button", { name: zh("problem.reply.submit"), exact: true }).click();
    await member.getByText("可以试试更换润滑脂").waitFor();

    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, path, "daniel.hoffmann@demo.qilian.example");
    await organizer.waitForLoadState("networkidle");
    const reply = organizer.locator("li", { hasText: "可以试试更换润滑脂" });
    await reply.getByText(en("problemCare.report.open"), { exact: true }).click();
    // No reason: the server refuses and the form says why.
    await reply.getByRole("button", { name: en("problemCare.report.submit"), exact: true }).click();
    await reply.getByText(en("problemCare.reason.required")).first().waitFor();
    await reply.locator('textarea[name="reason"]').first().fill("夹带广告");
    await reply.getByRole("button", { name: en("problemCare.report.submit"), exact: true }).click();
    await reply.getByText(en("problemCare.report.done"), { exact: true }).waitFor();
    await organizer.getByText(en("problemCare.moderate.reports", { count: 1 })).waitFor();

    const panel = organizer.locator("section[aria-labelledby=moderation]");
    const reported = panel.locator("li", {
      hasText: en("problemCare.moderate.subject.reply", { author: "孙浩" }),
    });
    await reported.locator("summary", { hasText: en("problemCare.moderate.hide") }).click();
    await reported.locator('textarea[name="reason"]').fill("与本难题无关的广告");
    await reported.getByRole("button", { name: en("problemCare.moderate.hide"), exact: true }).click();
    await organizer.getByText(en("problemCare.moderate.noReports")).waitFor();
    await browser.screenshot(organizer, "problem-care-02-organizer");

    // The member's open page learns of it live.
    await member
      .getByText(zh("problemCare.hidden.replyVisible", { reason: "与本难题无关的广告" }))
      .waitFor({ timeout: 10_000 });
    const stranger = await browser.newPage();
    await stranger.goto(`${base}${path}`);
    await stranger.getByText(zh("problemCare.hidden.reply", { reason: "与本难题无关的广告" })).waitFor();
    expect(await stranger.getByText("可以试试更换润滑脂").count()).toBe(0);
    await browser.screenshot(stranger, "problem-care-03-hidden-reply");
  });
});
