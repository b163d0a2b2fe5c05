import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/**
 * The journey, in two browsers: member A posts a problem in Chinese; member B, with the board
 * open, sees it announced live, opens it, says "we have this too" and applies (揭榜); A accepts, and B
 * sees "in progress" live; A plans and ticks a milestone and accepts the solution, which B sees too.
 */
describe("posting a problem and following it to solved, with a second member live", () => {
  const browser = useBrowser();

  const status = (page: Page) => page.locator("[data-status]").first().getAttribute("data-status");

  it("announces the post live, takes an endorsement and an application, accepts it and solves it", async () => {
    const applicant = await browser.newPage();
    applicant.setDefaultTimeout(10_000);
    await logIn(applicant, "/problems", "sun.hao@demo.qilian.example");
    await applicant.waitForLoadState("networkidle");

    const poster = await browser.newPage();
    poster.setDefaultTimeout(10_000);
    await logIn(poster, "/problems/new", "zhao.min@demo.qilian.example");
    const title = `揭榜流程测试：关节模组温升过高 ${Date.now()}`;
    await poster.locator('input[name="title"]').fill(title);
    await poster.locator('textarea[name="body"]').fill("连续运行 2 小时后关节模组温升超过 **45 K**。");
    await poster.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    await poster.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await poster.waitForLoadState("networkidle");

    const bar = applicant.getByTestId("new-problems");
    await expect
      .poll(() => bar.textContent(), { timeout: 10_000 })
      .toContain(zh("problem.board.newPosts", { count: 1 }));
    await bar.getByRole("button", { name: zh("problem.board.showNew"), exact: true }).click();
    await applicant.getByRole("link", { name: title }).click();
    await applicant.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await applicant.waitForLoadState("networkidle");
    await applicant.getByRole("button", { name: zh("problem.endorse.action"), exact: true }).click();
    await applicant.getByText(zh("problem.endorse.done"), { exact: true }).waitFor();
    await expect
      .poll(() => poster.getByTestId("endorsement-count").textContent())
      .toBe(zh("problem.endorse.count", { count: 1 }));
    await applicant.locator('textarea[name="approach"]').fill("采用**液冷壳体**并优化电流环参数。");
    await applicant.locator('textarea[name="timeline"]').fill("两个月出样机。");
    await applicant.locator('textarea[name="team"]').fill("电机、热设计工程师各两名。");
    await applicant.locator('select[name="orgId"]').selectOption({ index: 1 });
    await applicant.getByRole("button", { name: zh("problemWork.form.submit"), exact: true }).click();
    await applicant.getByRole("heading", { name: zh("problemWork.applications.mine") }).waitFor();

    // The poster's open page learns of the application live, and accepts it.
    const card = poster.getByRole("listitem", { name: "孙浩" });
    await card.waitFor();
    await card.getByRole("button", { name: zh("problemWork.applications.accept"), exact: true }).click();
    await expect.poll(() => status(poster)).toBe("in_progress");
    await expect.poll(() => status(applicant), { timeout: 10_000 }).toBe("in_progress");
    await browser.screenshot(applicant, "problem-work-00-in-progress");

    // Closing without a reason is refused by the server, and the page says why.
    await poster.getByText(zh("problemWork.manage.title"), { exact: true }).click();
    await poster.getByRole("button", { name: zh("problemWork.manage.close"), exact: true }).click();
    await poster.getByText(zh("problemWork.error.closeNoteRequired")).waitFor();

    await poster.locator('input[name="title"]').fill("样机温升测试");
    await poster.getByRole("button", { name: zh("problemWork.milestones.add"), exact: true }).click();
    const milestone = poster.locator("li[data-done]", { hasText: "样机温升测试" });
    await milestone.waitFor();
    // A milestone that went through leaves the form empty for the next one.
    expect(await poster.locator('input[name="title"]').inputValue()).toBe("");
    await milestone.getByRole("button", { name: zh("problemWork.milestones.markDone"), exact: true }).click();
    await poster.locator('li[data-done="true"]', { hasText: "样机温升测试" }).waitFor();

    await poster.locator('textarea[name="note"]').fill("样机连续运行温升 28 K，满足要求。");
    await poster.getByRole("button", { name: zh("problemWork.manage.solve"), exact: true }).click();
    await expect.poll(() => status(poster)).toBe("solved");
    await poster.getByText("说明：样机连续运行温升 28 K，满足要求。").waitFor();
    // The earlier refusal is gone with the change that went through.
    expect(await poster.getByText(zh("problemWork.error.closeNoteRequired")).count()).toBe(0);
    await expect.poll(() => status(applicant), { timeout: 10_000 }).toBe("solved");
    await browser.screenshot(poster, "problem-work-01-solved");
    await browser.screenshot(applicant, "problem-work-02-applicant");
  });
});
