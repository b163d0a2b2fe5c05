import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, eventRegistrations, events } from "../../db/schema/index";
import { register } from "~/models/event-registrations.server";
import type { LiveActivity } from "~/realtime/types";
import { eventTopic } from "~/realtime/topics";
import { addMember, addRepresentative, createAlliance, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { client, connect, signIn, subscribe, until } from "../setup/live";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

/** The organizers' registrant list: check-in by code and by button, search, occurrences, the CSV export. */
describe("event check-in and registrant export", () => {
  const database = useTestDatabase();
  const server = useTestServer();

  type Person = { id: string; displayName: string; email: string; cookie: string };
  const people = {} as Record<"organizer" | "member" | "other" | "late" | "outsider" | "formula", Person>;
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  const hour = 3_600_000;

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    const names = {
      organizer: "组织者甲",
      member: "成员乙",
      other: "成员丁",
      late: "候补戊",
      outsider: "局外人丙",
      formula: '=HYPERLINK("http://evil.example","点我")',
    } as const;
    for (const [key, displayName] of Object.entries(names)) {
      const { user } = await createUser(db, { displayName });
      people[key as keyof typeof names] = {
        id: user.id,
        displayName,
        email: user.email,
        cookie: (await signIn(server.services, user.id)).cookie,
      };
    }
    await addMember(db, { allianceId: alliance.id, userId: people.organizer.id, role: "organizer" });
    for (const who of [people.member, people.other, people.late, people.formula]) {
      await addMember(db, { allianceId: alliance.id, userId: who.id });
    }
    const org = await createOrganization(db, {
      nameZh: `精工传动${crypto.randomUUID().slice(0, 6)}`,
      nameEn: "+1 Precision Drive",
    });
    await addRepresentative(db, { orgId: org.id, userId: people.member.id, role: "representative" });
  });

  async function newEvent(options: { status?: "draft" | "published"; startsAt?: Date } = {}) {
    const [event] = await database.db
      .insert(events)
      .values({
        allianceId: alliance.id,
        title: `齿轮研讨会 ${crypto.randomUUID().slice(0, 4)}`,
        status: options.status ?? "published",
        capacity: 3,
        timeZone: "Asia/Shanghai",
        search: sql`''::tsvector`,
      })
      .returning({ id: events.id, title: events.title });
    const occurrenceId = await addOccurrence(event.id, options.startsAt ?? new Date(Date.now() + hour));
    return { ...event, occurrenceId };
  }

  async function addOccurrence(eventId: string, startsAt: Date) {
    const [occurrence] = await database.db
      .insert(eventOccurrences)
      .values({
        eventId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * hour),
        originalStartsAt: startsAt,
      })
      .returning({ id: eventOccurrences.id });
    return occurrence.id;
  }

  /** An event with member, other and formula confirmed and late on the waitlist. */
  async function fullEvent() {
    const event = await newEvent();
    for (const who of [people.member, people.other, people.formula, people.late]) {
      await register(server.services, { id: event.occurrenceId }, who);
    }
    return event;
  }

  const registration = async (occurrenceId: string, who: Person) => {
    const [row] = await database.db
      .select({
        id: eventRegistrations.id,
        code: eventRegistrations.code,
        status: eventRegistrations.status,
        checkedInAt: eventRegistrations.checkedInAt,
      })
      .from(eventRegistrations)
      .where(
        sql`${eventRegistrations.occurrenceId} = ${occurrenceId} and ${eventRegistrations.userId} = ${who.id}`,
      );
    return row;
  };

  const page = (eventId: string, who: Person | null, query = "") =>
    server.fetch(`/events/${eventId}/registrants${query}`, { headers: who ? { cookie: who.cookie } : {} });
  const send = (eventId: string, who: Person | null, form: Record<string, string>) =>
    server.fetch(`/events/${eventId}/registrants`, post(form, who ? { cookie: who.cookie } : {}));
  const csv = (eventId: string, who: Person | null, query = "", headers: Record<string, string> = {}) =>
    server.fetch(`/events/${eventId}/registrants.csv${query}`, {
      headers: { ...headers, ...(who ? { cookie: who.cookie } : {}) },
    });

  it("checks people in by code once, whatever the case, and says why a code is refused", async () => {
    const event = await fullEvent();
    const member = await registration(event.occurrenceId, people.member);
    const typed = `${member.code.slice(0, 3).toLowerCase()} ${member.code.slice(3)}`;
    const ok = await send(event.id, people.organizer, {
      intent: "code",
      occurrenceId: event.occurrenceId,
      code: typed,
    });
    expect(ok.status).toBe(200);
    const okHtml = await ok.text();
    expect(okHtml).toContain("成员乙 已签到。");
    expect(okHtml).toContain("已报名 4 人 · 已确认 3 人 · 已签到 1 人");
    const checkedInAt = (await registration(event.occurrenceId, people.member)).checkedInAt;
    expect(checkedInAt).toBeInstanceOf(Date);

    const again = await send(event.id, people.organizer, {
      intent: "code",
      occurrenceId: event.occurrenceId,
      code: member.code,
    });
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(againHtml).toContain("这个签到码已经用过了。");
    expect(againHtml).toContain("成员乙 已于");
    expect((await registration(event.occurrenceId, people.member)).checkedInAt).toEqual(checkedInAt);

    const cases = [
      ["ZZZZZ2", "本场次没有这个签到码的报名。", 400],
      [(await registration(event.occurrenceId, people.late)).code, "这个签到码的持有人没有正式名额", 400],
      ["12", "签到码由 6 位字母和数字组成。", 400],
      ["", "请输入签到码。", 400],
    ] as const;
    for (const [code, message, status] of cases) {
      const res = await send(event.id, people.organizer, {
        intent: "code",
        occurrenceId: event.occurrenceId,
        code,
      });
      expect(res.status, code).toBe(status);
      const html = await res.text();
      expect(html, code).toContain(message);
      if (code) expect(html, code).toContain(`value="${code}"`);
    }
    expect((await registration(event.occurrenceId, people.late)).checkedInAt).toBeNull();

    // A code of another event's registration is unknown here, even with that event's occurrence id.
    const elsewhere = await fullEvent();
    const foreign = await registration(elsewhere.occurrenceId, people.other);
    const res = await send(event.id, people.organizer, {
      intent: "code",
      occurrenceId: elsewhere.occurrenceId,
      code: foreign.code,
    });
    expect(res.status).toBe(400);
    expect((await registration(elsewhere.occurrenceId, people.other)).checkedInAt).toBeNull();
  });

  it("checks a code in exactly once when two organizers scan it at the same moment", async () => {
    const event = await fullEvent();
    const { code } = await registration(event.occurrenceId, people.other);
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        send(event.id, people.organizer, { intent: "code", occurrenceId: event.occurrenceId, code }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });

  it("checks in and undoes by button, and tells the event's topic", async () => {
    const event = await fullEvent();
    const other = await registration(event.occurrenceId, people.other);
    const watcher = await connect(client(server.url, { cookie: people.organizer.cookie }));
    const seen: LiveActivity[] = [];
    watcher.on("activity", (activity) => seen.push(activity));
    try {
      expect((await subscribe(watcher, { topic: eventTopic(event.id), after: 1e12 })).ok).toBe(true);
      const button = (intent: string, id: number | string) =>
        send(event.id, people.organizer, { intent, registrationId: String(id) });
      expect((await button("checkIn", other.id)).status).toBe(200);
      expect((await registration(event.occurrenceId, people.other)).checkedInAt).not.toBeNull();
      await until(() => seen.some((a) => a.type === "event.checkIn"), "event.checkIn to reach the watcher");
      expect(seen.find((a) => a.type === "event.checkIn")?.payload).toEqual({
        occurrenceId: event.occurrenceId,
      });
      expect((await button("checkIn", other.id)).status).toBe(409);
      expect(await (await page(event.id, people.organizer)).text()).toContain("已签到 1 人");

      expect((await button("undo", other.id)).status).toBe(200);
      expect((await registration(event.occurrenceId, people.other)).checkedInAt).toBeNull();
      expect((await button("undo", other.id)).status).toBe(404);
      const late = await registration(event.occurrenceId, people.late);
      expect((await button("checkIn", late.id)).status).toBe(409);

      const elsewhere = await fullEvent();
      const foreign = await registration(elsewhere.occurrenceId, people.member);
      expect((await button("checkIn", foreign.id)).status).toBe(404);
      expect((await registration(elsewhere.occurrenceId, people.member)).checkedInAt).toBeNull();
      expect((await button("checkIn", "abc")).status).toBe(400);
      expect((await button("dance", other.id)).status).toBe(400);
    } finally {
      watcher.disconnect();
    }
  });

  it("searches by name and shows one occurrence at a time", async () => {
    const event = await fullEvent();
    const later = await addOccurrence(event.id, new Date(Date.now() + 48 * hour));
    await register(server.services, { id: later }, people.outsider);

    const all = await (await page(event.id, people.organizer)).text();
    for (const who of [people.member, people.other, people.late]) expect(all).toContain(who.email);
    expect(all).not.toContain(people.outsider.email);

    const found = await (await page(event.id, people.organizer, `?q=${encodeURIComponent("乙")}`)).text();
    expect(found).toContain(people.member.email);
    expect(found).not.toContain(people.other.email);
    const waiting = await (await page(event.id, people.organizer, `?q=${encodeURIComponent("候补")}`)).text();
    expect(waiting).toContain(people.late.email);
    expect(waiting).toContain("候补（1）");

    const wildcard = await (await page(event.id, people.organizer, "?q=%25")).text();
    expect(wildcard).toContain("没有姓名包含“%”的报名者。");
    expect(wildcard).not.toContain(people.member.email);

    const second = await (await page(event.id, people.organizer, `?occurrence=${later}`)).text();
    expect(second).toContain(people.outsider.email);
    expect(second).not.toContain(people.member.email);
    // An occurrence of another event is ignored: the list opens on this event's next occurrence.
    const elsewhere = await newEvent();
    const ignored = await (
      await page(event.id, people.organizer, `?occurrence=${elsewhere.occurrenceId}`)
    ).text();
    expect(ignored).toContain(people.member.email);
  });

  it("keeps the list, the check-in and the export to organizers (403), hides hidden events (404)", async () => {
    const event = await fullEvent();
    const { code } = await registration(event.occurrenceId, people.member);
    for (const who of [people.member, people.outsider]) {
      expect((await page(event.id, who)).status).toBe(403);
      const refused = await csv(event.id, who);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain(people.member.email);
      expect(
        (await send(event.id, who, { intent: "code", occurrenceId: event.occurrenceId, code })).status,
      ).toBe(403);
    }
    expect((await registration(event.occurrenceId, people.member)).checkedInAt).toBeNull();
    for (const res of [await page(event.id, null), await csv(event.id, null)]) {
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    }
    const draft = await newEvent({ status: "draft" });
    expect((await page(draft.id, people.member)).status).toBe(404);
    expect((await csv(draft.id, people.member)).status).toBe(404);
    expect((await send(draft.id, people.member, { intent: "checkIn", registrationId: "1" })).status).toBe(
      404,
    );
    expect((await csv(draft.id, people.organizer)).status).toBe(200);
    expect((await csv("not-a-uuid", people.organizer)).status).toBe(404);
    expect((await page("not-a-uuid", people.organizer)).status).toBe(404);
  });

  it("exports UTF-8 CSV with a BOM, CRLF, Chinese intact and formulas defused", async () => {
    const event = await fullEvent();
    const member = await registration(event.occurrenceId, people.member);
    await send(event.id, people.organizer, {
      intent: "code",
      occurrenceId: event.occurrenceId,
      code: member.code,
    });
    const res = await csv(event.id, people.organizer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="registrants\.csv"; filename\*=UTF-8''%E9%BD%BF/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n").slice(0, -1);
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    expect(lines[0]).toBe(
      "场次 (Asia/Shanghai),姓名,机构,邮箱,状态,候补顺位,报名时间 (Asia/Shanghai),签到时间 (Asia/Shanghai)",
    );
    expect(lines).toHaveLength(5);
    const row = (who: Person) => lines.find((line) => line.includes(who.email))!.split(",");
    const memberRow = row(people.member);
    expect(memberRow[1]).toBe("成员乙");
    expect(memberRow[2]).toMatch(/^精工传动/);
    expect(memberRow[4]).toBe("已报名");
    expect(memberRow[5]).toBe("");
    expect(memberRow[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row(people.late).slice(4, 6)).toEqual(["候补", "1"]);
    expect(row(people.other)[7]).toBe("");
    // A name that is a formula stays text: quoted, with the apostrophe inside the quotes.
    expect(
      lines.some((line) =>
        line.startsWith(`${memberRow[0]},"'=HYPERLINK(""http://evil.example"",""点我"")"`),
      ),
    ).toBe(true);

    const english = await (
      await csv(event.id, null, "", { cookie: `${people.organizer.cookie}; qilian_lang=en` })
    ).text();
    // Response.text() drops the byte-order mark.
    const header = english.split("\r\n")[0];
    expect(header).toContain("Name,Organization,Email,Status,Waitlist place");
    // The English organization name begins with "+": defused too.
    expect(english).toContain(",'+1 Precision Drive,");
    expect(english).toContain(",Waitlisted,1,");

    const later = await addOccurrence(event.id, new Date(Date.now() + 48 * hour));
    await register(server.services, { id: later }, people.outsider);
    const one = await (await csv(event.id, people.organizer, `?occurrence=${later}`)).text();
    expect(one).toContain(people.outsider.email);
    expect(one).not.toContain(people.member.email);
  });
});
