import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { eventSeedId } from "../../db/seed-data/events";
import { problemSeedId } from "../../db/seed-data/problems";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** The seed's reducer seminar (nine days after the seed run, 40 seats) and a seminar three weeks past. */
const SEMINAR = `/events/${eventSeedId("reducer-seminar")}`;
const PAST = `/events/${eventSeedId("servo-seminar-past")}`;
const ORGANIZER = "zhao.min@demo.qilian.example";

/** Registers on the event page and returns the check-in code the member is shown there. */
async function registerAndReadCode(page: Page, label: string): Promise<string> {
  await page.getByRole("button", { name: label, exact: true }).click();
  const code = page.getByTestId("registration-state").getByTestId("check-in-code");
  await code.waitFor();
  const text = (await code.textContent()) ?? "";
  expect(text).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  return text;
}

/**
 * At the door: two members register and see their codes; the organizer finds one by name and checks
 * them in by button, checks the other in by the code they show (an unknown code is refused), and exports the list. After a past seminar, the organizer posts minutes and a follow-up problem.
 */
describe("checking people in and after the event", () => {
  const browser = useBrowser();
  /** A full-page shot taken from the top (scrolled, the sticky header would be drawn mid-page). */
  const shoot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await browser.screenshot(page, name);
  };

  it("checks in by name and by code, and exports the list as CSV", async () => {
    const sun = await browser.newPage();
    sun.setDefaultTimeout(10_000);
    await logIn(sun, SEMINAR, "sun.hao@demo.qilian.example");
    const sunCode = await registerAndReadCode(sun, zh("eventRegistration.register"));

    // Maria Santos reads Qilian in English (her account's language).
    const maria = await browser.newPage();
    maria.setDefaultTimeout(10_000);
    await logIn(maria, SEMINAR, "maria.santos@demo.qilian.example");
    await expect.poll(() => maria.locator("html").getAttribute("lang")).toBe("en");
    const mariaCode = await registerAndReadCode(maria, translator("en")("eventRegistration.register"));
    expect(mariaCode).not.toBe(sunCode);
    await shoot(maria, "check-in-01-member-code");

    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, `${SEMINAR}/registrants`, ORGANIZER);
    const counts = organizer.getByTestId("check-in-counts");
    expect(await counts.textContent()).toContain(
      zh("eventCheckIn.counts", { registered: 2, confirmed: 2, checkedIn: 0 }),
    );

    // By name: the search leaves Sun Hao alone in the list, and his button checks him in.
    await organizer.getByRole("searchbox", { name: zh("eventCheckIn.search") }).fill("孙");
    await organizer.getByRole("button", { name: zh("eventCheckIn.searchSubmit"), exact: true }).click();
    await organizer.waitForURL((url) => url.searchParams.get("q") === "孙");
    await organizer.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const rows = organizer.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("孙浩");
    await organizer
      .getByRole("button", { name: zh("eventCheckIn.checkInFor", { name: "孙浩" }), exact: true })
      .click();
    await organizer
      .getByTestId(`check-in-${sunCode}`)
      .getByRole("button", { name: zh("eventCheckIn.undoFor", { name: "孙浩" }), exact: true })
      .waitFor();
    expect(await organizer.getByTestId(`check-in-${sunCode}`).textContent()).toContain(
      zh("eventCheckIn.checkedInAt", { time: "" }).trim(),
    );

    // By code, as Maria shows it on her phone (typed in lower case, with a space).
    await organizer.getByRole("link", { name: zh("eventCheckIn.searchClear"), exact: true }).click();
    await organizer.waitForURL((url) => !url.searchParams.has("q"));
    await expect.poll(() => rows.count()).toBe(2);
    const codeBox = organizer.locator('input[name="code"]');
    await codeBox.fill(`${mariaCode.slice(0, 3).toLowerCase()} ${mariaCode.slice(3)}`);
    await organizer
      .getByRole("button", { name: zh("eventCheckIn.codeSubmit"), exact: true })
      .first()
      .click();
    await organizer
      .getByRole("status")
      .getByText(zh("eventCheckIn.done", { name: "Maria Santos" }), { exact: true })
      .waitFor();
    expect(await codeBox.inputValue()).toBe("");
    await expect
      .poll(() => counts.textContent())
      .toContain(zh("eventCheckIn.counts", { registered: 2, confirmed: 2, checkedIn: 2 }));

    // A code nobody holds is refused on the field, and what was typed stays. (A used code answers 409,
    // which the browser logs as an error: tests/integration/event-check-in.test.ts covers that one.)
    await codeBox.fill("ZZZZZZ");
    await organizer
      .getByRole("button", { name: zh("eventCheckIn.codeSubmit"), exact: true })
      .first()
      .click();
    await organizer.getByText(zh("eventCheckIn.error.unknownCode"), { exact: true }).waitFor();
    expect(await codeBox.inputValue()).toBe("ZZZZZZ");
    await shoot(organizer, "check-in-02-registrants");

    // The CSV: a BOM for Excel, the header row, Chinese names intact, both check-in times.
    const [download] = await Promise.all([
      organizer.waitForEvent("download"),
      organizer.getByRole("link", { name: zh("eventCheckIn.export"), exact: true }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(
      [
        `${zh("eventCheckIn.csv.occurrence")} (Asia/Shanghai)`,
        zh("eventCheckIn.csv.name"),
        zh("eventCheckIn.csv.organization"),
        zh("eventCheckIn.csv.email"),
        zh("eventCheckIn.csv.status"),
        zh("eventCheckIn.csv.position"),
        `${zh("eventCheckIn.csv.registeredAt")} (Asia/Shanghai)`,
        `${zh("eventCheckIn.csv.checkedInAt")} (Asia/Shanghai)`,
      ].join(","),
    );
    const sunLine = lines.find((line) => line.includes("孙浩"));
    expect(sunLine).toContain("sun.hao@demo.qilian.example");
    expect(sunLine).toContain(zh("eventCheckIn.csv.confirmed"));
    expect(sunLine).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(lines.find((line) => line.includes("Maria Santos"))).toMatch(/,\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("posts minutes and a follow-up problem after a past seminar, beside its attendance", async () => {
    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, PAST, ORGANIZER);
    const after = organizer.getByTestId("event-after");
    await after.getByRole("heading", { name: zh("eventAfter.heading"), exact: true }).waitFor();

    // The seed checked four of five people in.
    const attendance = after.getByTestId("attendance");
    const cells = await attendance.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells.slice(1)).toEqual(["5", "5", "4", "80%", "1"]);

    const problem = problemSeedId("humanoid-joint");
    const minutes = after.locator('textarea[name="minutes"]');
    await minutes.fill("## 结论\n\n- 两家整机厂提供样件，**三个月内**完成互测\n- 下次会议讨论人形机器人关节");
    const followUps = after.locator('textarea[name="followUps"]');
    const linked = await followUps.inputValue();
    expect(linked.split("\n")).toHaveLength(2);
    await followUps.fill(`${linked}\n${new URL(organizer.url()).origin}/problems/${problem}`);
    await after.getByRole("button", { name: zh("eventAfter.form.submit"), exact: true }).click();
    await after.getByText(zh("eventAfter.form.saved"), { exact: true }).waitFor();

    await after.getByRole("heading", { name: "结论" }).waitFor();
    expect(await after.locator("strong").filter({ hasText: "三个月内" }).count()).toBe(1);
    const links = after.getByTestId("follow-ups").getByRole("link");
    await expect.poll(() => links.count()).toBe(3);
    expect(await after.getByTestId("follow-ups").locator(`a[href="/problems/${problem}"]`).count()).toBe(1);
    await shoot(organizer, "check-in-03-minutes");

    // A member sees the minutes and follow-ups, but neither the attendance nor the form.
    const member = await browser.newPage();
    member.setDefaultTimeout(10_000);
    await logIn(member, PAST, "sun.hao@demo.qilian.example");
    const seen = member.getByTestId("event-after");
    await seen.getByRole("heading", { name: "结论" }).waitFor();
    expect(await seen.getByTestId("follow-ups").getByRole("link").count()).toBe(3);
    expect(await seen.getByTestId("attendance").count()).toBe(0);
    expect(await seen.locator("textarea").count()).toBe(0);
  });
});
