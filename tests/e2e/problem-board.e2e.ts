import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/**
 * The board counts problems posted while it is open and shows them on request; search marks what it
 * found in titles and bodies.
 */
describe("the problem board, live, and search", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  it("shows 'N new problems' for another member's post, then the post itself", async () => {
    const reader = await browser.newPage();
    reader.setDefaultTimeout(10_000);
    await logIn(reader, "/problems", "chen.jing@demo.qilian.example");
    // Posts made before the page subscribes still count: it catches up from the id it rendered with.
    await reader.waitForLoadState("networkidle");

    const author = await browser.newPage();
    author.setDefaultTimeout(10_000);
    await logIn(author, "/problems/new", "zhao.min@demo.qilian.example");
    const title = `实时看板测试：伺服驱动器电磁兼容超标 ${Date.now()}`;
    await author.locator('input[name="title"]').fill(title);
    await author.locator('textarea[name="body"]').fill("在 **30 MHz** 附近辐射超标，伺服驱动器需要整改。");
    await author.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    await author.waitForURL(/\/problems\/[0-9a-f-]{36}$/);

    const bar = reader.getByTestId("new-problems");
    await expect
      .poll(() => bar.textContent(), { timeout: 10_000 })
      .toContain(zh("problem.board.newPosts", { count: 1 }));
    expect(await reader.getByRole("link", { name: title }).count()).toBe(0);
    await browser.screenshot(reader, "board-01-new-problems");
    await bar.getByRole("button", { name: zh("problem.board.showNew"), exact: true }).click();
    await reader.getByRole("link", { name: title }).waitFor();
    await expect.poll(() => bar.count()).toBe(0);

    // The author's own board does not announce their post to them.
    await author.goto(`${base}/problems`);
    await author.waitForLoadState("networkidle");
    expect(await author.getByTestId("new-problems").count()).toBe(0);

    await reader.goto(`${base}/search?${new URLSearchParams({ q: "伺服驱动器 电磁兼容" })}`);
    const row = reader.locator("li", { has: reader.getByRole("link", { name: title }) });
    await row.waitFor();
    expect(await row.locator("mark", { hasText: "伺服驱动器" }).count()).toBeGreaterThanOrEqual(2);
    await browser.screenshot(reader, "board-02-search");
  });
});
