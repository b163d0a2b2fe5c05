import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/**
 * Two members of the robotics alliance chat in its #general from two browsers: each sees the other's
 * messages without reloading; a mention rings the other's bell live; and a member who closed their
 * browser finds what was said meanwhile marked unread when they come back.
 */
describe("alliance channels", () => {
  const browser = useBrowser();

  const bell = (page: Page) => page.locator('header a[href="/notifications"]');
  const unread = async (page: Page) => Number(await bell(page).getAttribute("data-unread"));
  const composer = (page: Page) => page.locator("form[data-composer] textarea");
  const message = (page: Page, text: string) => page.locator("li[data-message-id]", { hasText: text });
  const sidebarLink = (page: Page, channelId: string) =>
    page.locator(`aside [data-channel-link="${channelId}"]`);

  /** Types into the composer as a person does (key by key, so the `@` list follows) and sends with Enter. */
  async function say(page: Page, text: string) {
    await composer(page).pressSequentially(text);
    await composer(page).press("Enter");
    await expect.poll(() => composer(page).inputValue()).toBe("");
    await message(page, text).waitFor();
  }

  it("chats live, rings the bell on a mention, and keeps what was missed unread", async () => {
    const stamp = Date.now() % 100000;
    const zhao = await browser.newPage();
    zhao.setDefaultTimeout(10_000);
    await logIn(zhao, "/alliances/robotics/channels", "zhao.min@demo.qilian.example");
    await zhao.locator("a", { hasText: "general" }).first().click();
    await zhao.waitForURL(/\/channels\/[0-9a-f-]{36}$/);
    const path = new URL(zhao.url()).pathname;
    const generalId = path.split("/").pop()!;
    await zhao.getByRole("heading", { name: "general" }).waitFor();

    const sun = await browser.newPage();
    sun.setDefaultTimeout(10_000);
    await logIn(sun, path, "sun.hao@demo.qilian.example");
    // Both pages follow the channel before anyone speaks.
    await Promise.all([zhao, sun].map((page) => page.waitForLoadState("networkidle")));

    // Each sees the other's message without reloading.
    const hello = `大家好，讨论一下减速器选型 ${stamp}`;
    await say(zhao, hello);
    await message(sun, hello).waitFor();
    const answer = `收到，我这边有测试数据 ${stamp}`;
    await say(sun, answer);
    await message(zhao, answer).waitFor();

    // Sun mentions Zhao through the @ list; Zhao's bell rings without a reload.
    const bellBefore = await unread(zhao);
    await composer(sun).pressSequentially("@赵");
    const option = sun.getByRole("option", { name: "@赵敏" });
    await option.waitFor();
    await composer(sun).press("Enter");
    await expect.poll(() => composer(sun).inputValue()).toBe("@赵敏 ");
    const mention = `请看一下回差数据 ${stamp}`;
    await say(sun, mention);
    await expect.poll(() => unread(zhao), { timeout: 15_000 }).toBe(bellBefore + 1);
    const mentioned = message(zhao, mention);
    await mentioned.waitFor();
    expect(await mentioned.locator(".mention").textContent()).toBe("@赵敏");
    await browser.screenshot(zhao, "channels-01-chat-and-mention");

    // Sun leaves (closes the browser); Zhao goes on talking.
    const elsewhere = await sun
      .locator("aside [data-channel-link]")
      .evaluateAll(
        (links, current) =>
          links.map((link) => link.getAttribute("data-channel-link")).find((id) => id !== current),
        generalId,
      );
    expect(elsewhere).toBeTruthy();
    await sun.context().close();
    const missed = [`我先把图纸发到群文件 ${stamp}`, `明天上午十点开会 ${stamp}`];
    for (const text of missed) await say(zhao, text);

    // Back, on another channel: the sidebar counts what was missed in #general.
    const back = await browser.newPage();
    back.setDefaultTimeout(10_000);
    await logIn(back, `/channels/${elsewhere}`, "sun.hao@demo.qilian.example");
    const badge = sidebarLink(back, generalId).locator("[data-unread]");
    await expect.poll(() => badge.getAttribute("data-unread")).toBe("2");
    await browser.screenshot(back, "channels-02-unread-on-return");

    // Opening it shows the "new messages" line right before the first missed message.
    await sidebarLink(back, generalId).click();
    await back.waitForURL((url) => url.pathname === path);
    const divider = back.locator("li[data-unread-divider]");
    await divider.waitFor();
    expect(await divider.textContent()).toBe(zh("channel.newMessages"));
    const afterDivider = await back.evaluate(() => {
      const line = document.querySelector("li[data-unread-divider]");
      const next = line?.nextElementSibling;
      return next?.textContent ?? "";
    });
    expect(afterDivider).toContain(missed[0]);
    await message(back, missed[1]).waitFor();
    // What Sun had read before leaving is above the line.
    const above = await back.evaluate((text) => {
      const line = document.querySelector("li[data-unread-divider]")!;
      const item = [...document.querySelectorAll("li[data-message-id]")].find((li) =>
        li.textContent?.includes(text),
      );
      return !!item && !!(line.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_PRECEDING);
    }, mention);
    expect(above).toBe(true);
    await browser.screenshot(back, "channels-03-new-messages-line");

    // Having seen them in the focused tab, Sun has read them: the server's count drops to 0 (asked
    // before leaving, which could cut off a mark still on its way), and the count is gone elsewhere.
    await back.bringToFront();
    await expect
      .poll(async () => {
        const sidebar = (await (
          await back.request.get(new URL("/channels/sidebar", back.url()).toString())
        ).json()) as {
          alliances: { channels: { id: string; unread: number }[] }[];
        };
        return sidebar.alliances.flatMap((a) => a.channels).find((c) => c.id === generalId)?.unread;
      })
      .toBe(0);
    await back.goto(new URL(`/channels/${elsewhere}`, back.url()).toString());
    await back.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await sidebarLink(back, generalId).locator("[data-unread]").count()).toBe(0);
  });

  it("replies with a quote, edits and deletes its own message, and holds back one that is too long", async () => {
    const stamp = Date.now() % 100000;
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await logIn(page, "/alliances/robotics/channels", "zhao.min@demo.qilian.example");
    await page.locator("a", { hasText: "general" }).first().click();
    await page.waitForURL(/\/channels\/[0-9a-f-]{36}$/);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");

    const original = `谐波减速器的回差标准是多少？ ${stamp}`;
    await say(page, original);
    const first = message(page, original);
    const firstId = await first.getAttribute("data-message-id");
    await first.hover();
    await first.getByRole("button", { name: zh("channel.message.reply"), exact: true }).click();
    await page.getByText(zh("channel.composer.replyingTo", { name: "赵敏" })).waitFor();
    const reply = `一般要求小于 1 弧分 ${stamp}`;
    await say(page, reply);
    const replyId = await message(page, reply).getAttribute("data-message-id");
    // By id from here: while it is edited, its text is in a field, not in the item.
    const replied = page.locator(`li[data-message-id="${replyId}"]`);
    expect(await replied.locator("[data-quote]").getAttribute("data-quote")).toBe(firstId);
    expect(await page.getByText(zh("channel.composer.replyingTo", { name: "赵敏" })).count()).toBe(0);

    await replied.hover();
    await replied.getByRole("button", { name: zh("channel.message.edit"), exact: true }).click();
    const edited = `一般要求小于 3 弧分 ${stamp}`;
    await replied.locator("textarea").fill(edited);
    await replied.locator("textarea").press("Enter");
    await replied.getByText(zh("channel.message.edited")).waitFor();
    expect(await replied.textContent()).toContain(edited);

    await replied.hover();
    await replied.getByRole("button", { name: zh("channel.message.delete"), exact: true }).click();
    await replied.getByRole("button", { name: zh("channel.message.deleteYes"), exact: true }).click();
    await replied.getByText(zh("channel.message.deleted")).waitFor();
    expect(await replied.getAttribute("data-state")).toBe("deleted");
    expect(await replied.textContent()).not.toContain(edited);

    // Too long: the counter and the reason show, and Enter sends nothing.
    await composer(page).fill("长".repeat(10_001));
    await page.getByText("10,001 / 10,000").waitFor();
    await page
      .getByRole("alert")
      .getByText(zh("channel.composer.tooLong", { max: "10,000" }))
      .waitFor();
    const count = await page.locator("li[data-message-id]").count();
    await composer(page).press("Enter");
    await page.waitForTimeout(500);
    expect(await page.locator("li[data-message-id]").count()).toBe(count);
    expect((await composer(page).inputValue()).length).toBe(10_001);
    await browser.screenshot(page, "channels-04-edit-delete-too-long");
  });
});
