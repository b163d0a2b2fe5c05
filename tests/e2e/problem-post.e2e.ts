import { describe, expect, inject, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/**
 * A member posts a problem in Chinese: a bad title is refused in place with nothing lost, the Markdown
 * preview shows the body as it will be saved (a script stays text), and the problem then has its page
 * and a place on the board.
 */
describe("posting a problem", () => {
  const browser = useBrowser();
  const base = inject("e2eBaseUrl");

  it("previews, refuses a bad title keeping the rest, then posts and lists it", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, "/problems/new", "zhao.min@demo.qilian.example");
    const title = `协作机器人关节谐波减速器寿命不足 ${Date.now()}`;
    const body = "## 现状\n\n- 连续运行 **3000 小时**后回差超标\n\n<script>alert(1)</script>";

    await page.locator('input[name="title"]').fill("短");
    const bodyInput = page.locator('textarea[name="body"]');
    await bodyInput.fill(body);
    await page.locator('input[name="tags"]').fill("谐波减速器, 寿命");
    await page.getByRole("tab", { name: zh("markdown.editor.preview"), exact: true }).click();
    const preview = page.getByRole("tabpanel");
    await preview.locator("strong", { hasText: "3000 小时" }).waitFor();
    expect(await preview.locator("script").count()).toBe(0);
    expect(await preview.textContent()).toContain("<script>alert(1)</script>");
    await browser.screenshot(page, "problem-01-preview");

    await page.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    const titleInput = page.locator('input[name="title"]');
    await expect.poll(() => titleInput.getAttribute("aria-invalid")).toBe("true");
    expect(await bodyInput.inputValue()).toBe(body);
    expect(await page.locator('input[name="tags"]').inputValue()).toBe("谐波减速器, 寿命");

    await titleInput.fill(title);
    await page.getByRole("button", { name: zh("problem.new.submit"), exact: true }).click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: title }).waitFor();
    expect(await page.locator("main strong", { hasText: "3000 小时" }).count()).toBe(1);
    await browser.screenshot(page, "problem-02-page");

    // Another member says "we have this too"; the author's open page counts it without a reload.
    const problemPath = new URL(page.url()).pathname;
    const count = page.getByTestId("endorsement-count");
    expect(await count.textContent()).toBe(zh("problem.endorse.count", { count: 0 }));
    const other = await browser.newPage();
    other.setDefaultTimeout(10_000);
    await logIn(other, problemPath, "chen.jing@demo.qilian.example");
    await other.getByRole("button", { name: zh("problem.endorse.action"), exact: true }).click();
    await other.getByText(zh("problem.endorse.done"), { exact: true }).waitFor();
    await expect.poll(() => count.textContent()).toBe(zh("problem.endorse.count", { count: 1 }));
    await browser.screenshot(page, "problem-02b-endorsed");

    await page.goto(`${base}/problems?${new URLSearchParams({ q: "减速器" })}`);
    await page.getByRole("link", { name: title }).waitFor();
    await browser.screenshot(page, "problem-03-board");
  });
});
