import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** A node no demo listing sits on, so the offer shared here is the one suggested there. */
const NODE = "高精度地图与定位";

/**
 * The journey across two browsers: a firm's representative (刘洋, 东丽智行) shares a service offer
 * on a chain node; a member of another firm (张伟, 渤川数据) writes a problem on that node and is shown
 * the offer while still typing, posts the problem, opens the offer and asks about it for that problem;
 * the provider answers from their list of received inquiries, and the asker's open page shows the
 * answer and the new status without a reload.
 */
describe("shared resources: from an offer to an answered inquiry", () => {
  const browser = useBrowser();

  const hydrated = (page: Page) => page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  /** From the top: a full-page shot otherwise draws the sticky header over whatever was scrolled to. */
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, name);
  };

  it("shares an offer, suggests it while a problem is written, and carries the inquiry live", async () => {
    const stamp = Date.now() % 100000;
    const offer = `园区无人车高精度地图采集与定位评测服务 ${stamp}`;

    // 1. The provider shares a service offer on the node.
    const provider = await browser.newPage();
    provider.setDefaultTimeout(10_000);
    await logIn(provider, "/resources/new", "liu.yang@demo.qilian.example");
    expect(await provider.locator('select[name="kind"]').inputValue()).toBe("service");
    await provider.locator('input[name="title"]').fill(offer);
    await provider
      .locator('textarea[name="description"]')
      .fill(
        "为园区无人配送车和接驳车提供**高精度地图**采集、更新，以及定位精度评测：\n\n- RTK + 激光雷达建图，厘米级精度\n- 定位漂移与丢星场景复现",
      );
    await provider.getByRole("checkbox", { name: NODE, exact: true }).check();
    await provider.locator('input[name="tags"]').fill("高精度地图, 定位, 无人配送");
    await provider.getByRole("checkbox", { name: zh("resource.mode.service_contract"), exact: true }).check();
    await shot(provider, "resources-01-share-form");
    await provider.getByRole("button", { name: zh("resource.new.submit"), exact: true }).click();
    await provider.waitForURL(/\/resources\/[0-9a-f-]{36}$/);
    await provider.getByRole("heading", { level: 1, name: offer }).waitFor();
    const offerPath = new URL(provider.url()).pathname;
    expect(await provider.locator("main").textContent()).toContain(NODE);
    await shot(provider, "resources-02-offer-page");

    // 2. A member of another firm writes a problem on the node: the offer is suggested before posting.
    const member = await browser.newPage();
    member.setDefaultTimeout(10_000);
    await logIn(member, "/problems/new", "zhang.wei@demo.qilian.example");
    const problem = `园区无人配送车在楼宇间定位漂移 ${stamp}`;
    await member.locator('input[name="title"]').fill(problem);
    await member
      .locator('textarea[name="body"]')
      .fill("无人配送车穿行楼宇间时卫星信号遮挡，定位漂移超过 1 米，需要高精度地图和定位评测方面的支持。");
    await member.getByRole("checkbox", { name: NODE, exact: true }).check();
    const suggested = member
      .getByTestId("draft-matches")
      .getByTestId("resource-match")
      .filter({ hasText: offer });
    await suggested.waitFor();
    expect(await suggested.getByTestId("match-reason").textContent()).toContain(
      zh("matching.reason.node", { node: NODE }),
    );
    await shot(member, "resources-03-suggested-while-writing");

    // The suggestion opens in a tab of its own, so the draft stays; then the problem is posted.
    const [offerTab] = await Promise.all([
      member.context().waitForEvent("page"),
      suggested.getByRole("link", { name: offer }).click(),
    ]);
    offerTab.setDefaultTimeout(10_000);
    await offerTab.waitForURL((url) => url.pathname === offerPath);
    expect(await member.locator('input[name="title"]').inputValue()).toBe(problem);
    await member.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    await member.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await member.getByRole("heading", { name: problem }).waitFor();
    // The posted problem lists the offer among the results and services that may help.
    await member.getByTestId("resource-matches").getByRole("link", { name: offer }).waitFor();
    await member.close();

    // 3. On the offer's page (reloaded, so "for my problem" knows the new problem) the member asks.
    await offerTab.reload();
    await hydrated(offerTab);
    const ask = offerTab.locator("form#inquiry-ask");
    await ask
      .locator('textarea[name="message"]')
      .fill("请问园区 2 平方公里范围的建图和一轮定位评测，周期和费用大概多少？");
    await ask
      .locator('textarea[name="intendedUse"]')
      .fill("用于我们无人配送车队的定位算法验证，约 20 台车。");
    await ask.locator('select[name="problemId"]').selectOption({ label: problem });
    await shot(offerTab, "resources-04-ask-form");
    await ask.getByRole("button", { name: zh("inquiry.form.submit"), exact: true }).click();
    await offerTab.waitForURL(/\/inquiries\/[0-9a-f-]{36}$/);
    const inquiryPath = new URL(offerTab.url()).pathname;
    await offerTab.getByRole("heading", { name: zh("inquiry.thread.title", { resource: offer }) }).waitFor();
    await hydrated(offerTab);
    const status = offerTab.locator("article [data-inquiry-status]");
    expect(await status.getAttribute("data-inquiry-status")).toBe("open");
    expect(await offerTab.locator("main").textContent()).toContain(problem);
    // Following the thread live before the provider speaks; a reload would lose this mark.
    await offerTab.locator("[data-live]").waitFor();
    await offerTab.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // 4. The provider finds it among received inquiries and answers.
    await provider.goto(`${inject("e2eBaseUrl")}/inquiries?side=received`);
    await hydrated(provider);
    await provider
      .locator("[data-inquiry-list] li", { hasText: offer })
      .getByRole("link", { name: zh("inquiry.thread.title", { resource: offer }) })
      .click();
    await provider.waitForURL((url) => url.pathname === inquiryPath);
    await hydrated(provider);
    const answer = `2 平方公里约两周完成建图，定位评测一周，报价单稍后发您。${stamp}`;
    await provider.locator('textarea[name="body"]').fill(answer);
    await provider.getByRole("button", { name: zh("inquiry.thread.replySubmit"), exact: true }).click();
    await provider.locator("[data-inquiry-messages] li", { hasText: answer }).waitFor();
    await shot(provider, "resources-05-provider-answered");

    // 5. The member sees the answer and the new status on the page they had open, without reloading.
    const answered = offerTab.locator("[data-inquiry-messages] li", { hasText: answer });
    await answered.waitFor({ timeout: 15_000 });
    expect(await answered.textContent()).toContain(zh("inquiry.thread.byProvider"));
    await expect.poll(() => status.getAttribute("data-inquiry-status")).toBe("answered");
    expect(await offerTab.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await shot(offerTab, "resources-06-answer-arrived-live");
  });
});
