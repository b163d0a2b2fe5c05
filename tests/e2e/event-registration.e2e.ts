import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { useBrowser } from "./browser";
import { logIn } from "./log-in";

const zh = translator("zh-CN");

/** A wall-clock time `days` from now in Shanghai, as a datetime-local input takes it. */
function shanghai(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

/**
 * An organizer schedules a seminar with one seat; a member takes it, a second is waitlisted, and when
 * the first cancels, the second's open page shows the promotion without a reload, and they download
 * the event for their calendar.
 */
describe("scheduling a seminar and registering for it", () => {
  const browser = useBrowser();

  it("takes the only seat, waitlists the next member and promotes them live when it frees", async () => {
    const organizer = await browser.newPage();
    organizer.setDefaultTimeout(10_000);
    await logIn(organizer, "/events/new", "zhao.min@demo.qilian.example");
    const title = `减速器精度研讨会 ${Date.now()}`;
    await organizer.locator('input[name="title"]').fill(title);
    await organizer.locator('textarea[name="description"]').fill("讨论谐波减速器回差的**共性问题**。");
    // In the morning: Zhao Min speaks at a seeded seminar that afternoon, which would be an overlap warning.
    await organizer.locator('input[name="startsAt"]').fill(shanghai(9, 9));
    await organizer.locator('input[name="endsAt"]').fill(shanghai(9, 11));
    await organizer.locator('input[name="venueName"]').fill(`测试会场 ${Date.now()}`);
    await organizer.locator('input[name="venueRoom"]').fill("301");
    await organizer.locator('input[name="capacity"]').fill("1");
    await organizer.locator('select[name="status"]').selectOption("published");
    await organizer.getByRole("button", { name: zh("event.new.submit"), exact: true }).click();
    await organizer.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    const path = new URL(organizer.url()).pathname;
    await organizer.getByRole("heading", { name: title }).waitFor();

    const first = await browser.newPage();
    first.setDefaultTimeout(10_000);
    await logIn(first, path, "chen.jing@demo.qilian.example");
    await first.getByRole("button", { name: zh("eventRegistration.register"), exact: true }).click();
    await first.getByText(zh("eventRegistration.confirmed"), { exact: true }).waitFor();

    const second = await browser.newPage();
    second.setDefaultTimeout(10_000);
    await logIn(second, path, "sun.hao@demo.qilian.example");
    await second.getByRole("button", { name: zh("eventRegistration.joinWaitlist"), exact: true }).click();
    await second.getByText(zh("eventRegistration.waitlisted", { position: 1 }), { exact: true }).waitFor();
    await second.waitForLoadState("networkidle");

    await first.getByRole("button", { name: zh("eventRegistration.cancel"), exact: true }).click();
    await expect
      .poll(() => second.getByText(zh("eventRegistration.confirmed"), { exact: true }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await browser.screenshot(second, "event-01-promoted");

    const [download] = await Promise.all([
      second.waitForEvent("download"),
      second.getByTestId("event-ics").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = fs.readFileSync((await download.path())!, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:${path.split("/").pop()}@`);
    expect(ics).toContain("DTSTART;TZID=Asia/Shanghai:");
    expect(ics).toContain("LOCATION:测试会场");
    // The title is folded at 75 octets; unfolded it is whole.
    expect(ics.replace(/\r\n[ \t]/g, "")).toContain(`SUMMARY:${title}`);
  });
});
