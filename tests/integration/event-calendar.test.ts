import { beforeAll, describe, expect, it } from "vitest";
import { eventCohosts, eventOccurrences, eventRegistrations, events } from "../../db/schema/index";
import { listCalendar, type CalendarFilter } from "~/models/event-calendar.server";
import { searchVector } from "~/search/tsquery.server";
import type { Viewer } from "~/utils/permissions.server";
import { zonedToUtc } from "~/utils/zoned-time";
import type { EventStatus, EventType, EventVisibility } from "~/validation/event";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";

/** The calendar: which occurrences each scope, filter and viewer gets, how they are laid out, and the cost. */
describe("event calendar", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  type Person = { id: string; cookie: string; viewer: Viewer };
  const people = { organizer: {} as Person, member: {} as Person, outsider: {} as Person };
  let host: Awaited<ReturnType<typeof createAlliance>>;
  let other: Awaited<ReturnType<typeof createAlliance>>;
  const ids = {} as Record<
    "public" | "members" | "draft" | "workshop" | "cohosted" | "series" | "visit" | "outside",
    string
  >;
  const seriesOccurrences: string[] = [];

  // March 2031 in Shanghai: far from the seed and from other files' events.
  const shanghai = (local: string) => zonedToUtc(local, "Asia/Shanghai")!;
  const march: Omit<CalendarFilter, "scope"> = {
    from: shanghai("2031-02-24T00:00"),
    to: shanghai("2031-04-07T00:00"),
    alliance: null,
    type: null,
  };

  async function insertEvent(
    allianceId: string,
    times: [string, string][],
    options: { type?: EventType; status?: EventStatus; visibility?: EventVisibility; title?: string } = {},
  ) {
    const title = options.title ?? `日历测试活动 ${Math.random().toString(36).slice(2, 8)}`;
    const [{ id }] = await database.db
      .insert(events)
      .values({
        allianceId,
        title,
        type: options.type ?? "seminar",
        status: options.status ?? "published",
        visibility: options.visibility ?? "public",
        timeZone: "Asia/Shanghai",
        venueName: "滨海会议中心",
        search: searchVector({ title, body: "" }),
      })
      .returning({ id: events.id });
    const occurrences = await database.db
      .insert(eventOccurrences)
      .values(
        times.map(([start, end]) => ({
          eventId: id,
          startsAt: shanghai(start),
          endsAt: shanghai(end),
          originalStartsAt: shanghai(start),
        })),
      )
      .returning({ id: eventOccurrences.id });
    return { id, occurrences: occurrences.map((o) => o.id) };
  }

  beforeAll(async () => {
    const { db } = database;
    host = await createAlliance(db);
    other = await createAlliance(db);
    const person = async (displayName: string): Promise<Person> => {
      const { user } = await createUser(db, { displayName });
      return {
        id: user.id,
        cookie: (await signIn(server.services, user.id)).cookie,
        viewer: { id: user.id, platformRole: null },
      };
    };
    people.organizer = await person("组织者甲");
    people.member = await person("成员乙");
    people.outsider = await person("局外人丙");
    await addMember(db, { allianceId: host.id, userId: people.organizer.id, role: "organizer" });
    await addMember(db, { allianceId: host.id, userId: people.member.id });

    ids.public = (await insertEvent(host.id, [["2031-03-04T14:00", "2031-03-04T16:00"]])).id;
    ids.members = (
      await insertEvent(host.id, [["2031-03-05T09:00", "2031-03-05T11:00"]], {
        visibility: "alliance",
        type: "alliance_meeting",
      })
    ).id;
    ids.draft = (
      await insertEvent(host.id, [["2031-03-06T09:00", "2031-03-06T10:00"]], { status: "draft" })
    ).id;
    ids.workshop = (
      await insertEvent(other.id, [["2031-03-12T09:00", "2031-03-12T12:00"]], { type: "workshop" })
    ).id;
    ids.cohosted = (
      await insertEvent(other.id, [["2031-03-13T09:00", "2031-03-13T12:00"]], { visibility: "alliance" })
    ).id;
    await db.insert(eventCohosts).values({ eventId: ids.cohosted, allianceId: host.id });
    const series = await insertEvent(host.id, [
      ["2031-03-17T19:00", "2031-03-17T21:00"],
      ["2031-03-24T19:00", "2031-03-24T21:00"],
      ["2031-03-31T19:00", "2031-03-31T21:00"],
    ]);
    ids.series = series.id;
    seriesOccurrences.push(...series.occurrences);
    ids.visit = (
      await insertEvent(other.id, [["2031-03-19T09:00", "2031-03-21T17:00"]], { type: "site_visit" })
    ).id;
    ids.outside = (await insertEvent(host.id, [["2031-05-01T09:00", "2031-05-01T10:00"]])).id;
    await db.insert(eventRegistrations).values([
      { occurrenceId: seriesOccurrences[1], userId: people.outsider.id, status: "confirmed", code: "CAL001" },
      { occurrenceId: seriesOccurrences[2], userId: people.outsider.id, status: "cancelled", code: "CAL002" },
    ]);
  });

  const eventsIn = async (viewer: Viewer, change: Partial<CalendarFilter> = {}) => {
    const { items } = await listCalendar(database.db, viewer, { ...march, scope: "all", ...change });
    return items.map((item) => item.id);
  };
  const only = (list: string[]) => [...new Set(list)].sort();

  it("shows visitors and outsiders public events only, members their alliance-only ones, organizers their drafts", async () => {
    const everyone = [ids.public, ids.workshop, ids.series, ids.visit].sort();
    expect(only(await eventsIn(null))).toEqual(everyone);
    expect(only(await eventsIn(people.outsider.viewer))).toEqual(everyone);
    expect(only(await eventsIn(people.member.viewer))).toEqual(
      [...everyone, ids.members, ids.cohosted].sort(),
    );
    expect(only(await eventsIn(people.organizer.viewer))).toEqual(
      [...everyone, ids.members, ids.cohosted, ids.draft].sort(),
    );
    expect(await eventsIn(people.organizer.viewer)).not.toContain(ids.outside);
  });

  it("lists each occurrence of a series on its own, in order", async () => {
    const { items } = await listCalendar(database.db, null, { ...march, scope: "all" });
    const series = items.filter((item) => item.id === ids.series);
    expect(series.map((item) => item.occurrenceId)).toEqual(seriesOccurrences);
    expect(series.map((item) => item.startsAt.toISOString())).toEqual([
      "2031-03-17T11:00:00.000Z",
      "2031-03-24T11:00:00.000Z",
      "2031-03-31T11:00:00.000Z",
    ]);
  });

  it("narrows to my alliances (host or co-host) and to my live registrations", async () => {
    expect(only(await eventsIn(people.member.viewer, { scope: "alliances" }))).toEqual(
      [ids.public, ids.members, ids.cohosted, ids.series].sort(),
    );
    expect(await eventsIn(people.outsider.viewer, { scope: "alliances" })).toEqual([]);
    const { items } = await listCalendar(database.db, people.outsider.viewer, {
      ...march,
      scope: "registered",
    });
    expect(items.map((item) => [item.occurrenceId, item.registration])).toEqual([
      [seriesOccurrences[1], "confirmed"],
    ]);
    expect(await eventsIn(null, { scope: "registered" })).toEqual([]);
  });

  it("filters by alliance (host or co-host) and by type", async () => {
    expect(only(await eventsIn(people.member.viewer, { alliance: other.slug }))).toEqual(
      [ids.workshop, ids.cohosted, ids.visit].sort(),
    );
    expect(only(await eventsIn(null, { alliance: host.slug }))).toEqual([ids.public, ids.series].sort());
    expect(await eventsIn(people.member.viewer, { type: "workshop" })).toEqual([ids.workshop]);
    expect(await eventsIn(people.member.viewer, { type: "alliance_meeting", alliance: other.slug })).toEqual(
      [],
    );
  });

  const page = async (path: string, who: Person | null, extraCookie = "") => {
    const cookie = [who?.cookie, extraCookie].filter(Boolean).join("; ");
    const res = await server.fetch(path, { headers: cookie ? { cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const links = (html: string, id: string) => html.split(`/events/${id}"`).length - 1;

  it("draws the month as a table, long events on every day, hidden ones absent", async () => {
    const { status, html } = await page("/calendar?date=2031-03-10", people.outsider);
    expect(status).toBe(200);
    expect(html).toContain('data-testid="calendar-month"');
    expect(html).toContain('scope="col"');
    expect(html).toContain('data-day="2031-02-24"');
    expect(html).toContain('data-day="2031-04-06"');
    expect(links(html, ids.visit)).toBe(3);
    expect(links(html, ids.series)).toBe(3);
    expect(links(html, ids.public)).toBe(1);
    for (const hidden of [ids.members, ids.draft, ids.cohosted, ids.outside])
      expect(links(html, hidden)).toBe(0);
    expect(html).toContain("Asia/Shanghai");
    expect(html).not.toContain('data-testid="viewer-time"');
  });

  it("follows the viewer's zone from the tz cookie and shows their time beside the event's", async () => {
    const { html } = await page("/calendar?date=2031-03-10&view=list", null, "tz=Europe%2FBerlin");
    expect(html).toContain("Europe/Berlin");
    expect(html).toContain('data-testid="viewer-time"');
    // 19:00 in Shanghai is 12:00 in Berlin on the same day; a visit from 09:00 Shanghai starts at 02:00 Berlin.
    expect(html).toContain("12:00");
    const bogus = await page("/calendar?date=2031-03-10", null, "tz=Mars%2FOlympus");
    expect(bogus.status).toBe(200);
    expect(bogus.html).not.toContain('data-testid="viewer-time"');
  });

  it("keeps week and list views and the filters in the URL", async () => {
    const week = await page(`/calendar?view=week&date=2031-03-19&alliance=${other.slug}`, people.member);
    expect(week.html).toContain('data-testid="calendar-week"');
    expect(links(week.html, ids.visit)).toBe(3);
    expect(links(week.html, ids.series)).toBe(0);
    expect(week.html).toContain(`date=2031-03-12&amp;alliance=${other.slug}`);
    const english = await server.fetch("/calendar?view=week&date=2031-03-19", {
      headers: { "accept-language": "en" },
    });
    const englishHtml = await english.text();
    expect(englishHtml).toContain("Event calendar");
    expect(englishHtml).toContain("Next week");
    expect(englishHtml).toMatch(/Wed, 3\/19|Wed 3\/19/);
    const list = await page("/calendar?view=list&date=2031-03-01&scope=registered", people.outsider);
    expect(list.html).toContain('data-testid="calendar-list"');
    expect(links(list.html, ids.series)).toBe(1);
    expect(links(list.html, ids.public)).toBe(0);
  });

  it("sends visitors who ask for their own scopes to log in, and shrugs off bad parameters", async () => {
    const visitor = await page("/calendar?scope=registered", null);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe(
      `/login?${new URLSearchParams({ redirectTo: "/calendar?scope=registered" })}`,
    );
    const junk = await page("/calendar?view=year&date=2031-02-30&type=party&scope=x&alliance=%00", null);
    expect(junk.status).toBe(200);
    expect(junk.html).toContain('data-testid="calendar-month"');
  });

  it("costs the same number of queries however many occurrences a month holds", async () => {
    const cost = async (path: string) => {
      const counts: number[] = [];
      for (let i = 0; i < 2; i++)
        counts.push(
          await counter.count(async () => {
            const res = await server.fetch(path, { headers: { cookie: people.member.cookie } });
            expect(res.status).toBe(200);
            await res.text();
          }),
        );
      return Math.min(...counts);
    };
    const path = "/calendar?date=2032-01-10";
    const empty = await cost(path);
    for (let i = 0; i < 10; i++)
      await insertEvent(
        i % 2 ? host.id : other.id,
        Array.from({ length: 4 }, (_, week): [string, string] => {
          const day = String(1 + week * 7 + (i % 7)).padStart(2, "0");
          return [`2032-01-${day}T10:00`, `2032-01-${day}T12:00`];
        }),
        { visibility: i % 3 ? "public" : "alliance" },
      );
    expect(await cost(path)).toBe(empty);
    expect(await cost(`${path}&view=week`)).toBe(await cost("/calendar?date=2032-01-03&view=week"));
  });
});
