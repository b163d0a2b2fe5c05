import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { channelMembers, channelMessages, channels, memberships } from "../../db/schema/index";
import { listMyChannels } from "~/models/channel-list.server";
import { deleteMessage, sendMessage } from "~/models/channel-messages.server";
import type { MessageView } from "~/realtime/protocol";
import { addMember, createAlliance, createUser } from "../factories";
import { useTestDatabase } from "../setup/database";
import { signIn } from "../setup/live";
import { useQueryCounter } from "../setup/query-counter";
import { useTestServer } from "../setup/server";
import { post } from "./auth-helpers";

type Person = { id: string; name: string; cookie: string };
type Page = { messages: MessageView[]; hasOlder: boolean; hasNewer: boolean };

/** The channel pages: who may open them, unread counts, history paging, mention candidates, their cost. */
describe("channel pages", () => {
  const database = useTestDatabase();
  const counter = useQueryCounter();
  const server = useTestServer({
    get DATABASE_URL() {
      return counter.url;
    },
  });

  const people = {} as Record<
    "chair" | "alice" | "bob" | "carol" | "pending" | "gone" | "outsider" | "loner",
    Person
  >;
  let alliance: Awaited<ReturnType<typeof createAlliance>>;
  let other: Awaited<ReturnType<typeof createAlliance>>;
  const ids = { general: "", open: "", secret: "", archived: "", otherGeneral: "" };

  beforeAll(async () => {
    const { db } = database;
    alliance = await createAlliance(db);
    other = await createAlliance(db);
    const person = async (name: string, allianceId: string | null, role = "member" as const) => {
      const { user } = await createUser(db, { displayName: name });
      if (allianceId) await addMember(db, { allianceId, userId: user.id, role });
      return { id: user.id, name, cookie: (await signIn(server.services, user.id)).cookie };
    };
    people.chair = await person("赵主席", alliance.id);
    await db.update(memberships).set({ role: "chair" }).where(eq(memberships.userId, people.chair.id));
    people.alice = await person("爱丽丝", alliance.id);
    people.bob = await person("鲍勃", alliance.id);
    people.carol = await person("卡罗尔", alliance.id);
    people.pending = await person("爱丽丝待审", null);
    await addMember(db, { allianceId: alliance.id, userId: people.pending.id, status: "pending" });
    people.gone = await person("爱丽丝离开", alliance.id);
    await db.update(memberships).set({ status: "left" }).where(eq(memberships.userId, people.gone.id));
    people.outsider = await person("爱丽丝外人", other.id);
    people.loner = await person("独行者", null);

    const general = async (allianceId: string) =>
      (
        await db
          .select({ id: channels.id })
          .from(channels)
          .where(and(eq(channels.allianceId, allianceId), eq(channels.kind, "general")))
      )[0].id;
    ids.general = await general(alliance.id);
    ids.otherGeneral = await general(other.id);
    const [open, secret, archived] = await db
      .insert(channels)
      .values([
        { allianceId: alliance.id, slug: "design", name: "design", kind: "open", description: "设计讨论" },
        { allianceId: alliance.id, slug: "secret", name: "secret", kind: "private" },
        { allianceId: alliance.id, slug: "old", name: "old", kind: "open", archivedAt: new Date() },
      ])
      .returning({ id: channels.id });
    ids.open = open.id;
    ids.secret = secret.id;
    ids.archived = archived.id;
    await db.insert(channelMembers).values([
      { channelId: ids.secret, userId: people.alice.id },
      { channelId: ids.secret, userId: people.bob.id },
    ]);
  });

  const viewer = (p: Person) => ({ id: p.id, platformRole: null });
  const send = async (who: Person, channelId: string, body: string) => {
    const result = await sendMessage(server.services, viewer(who), {
      channelId,
      body,
      clientKey: crypto.randomUUID(),
    });
    if (!result.ok) throw new Error(`send refused: ${result.error.message}`);
    return result.message;
  };
  const page = async (path: string, who: Person | null) => {
    const res = await server.fetch(path, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, location: res.headers.get("location"), html: await res.text() };
  };
  const json = async <T>(path: string, who: Person | null) => {
    const res = await server.fetch(path, { headers: who ? { cookie: who.cookie } : {} });
    return { status: res.status, body: (await res.json()) as T };
  };
  /** A channel's sidebar entry in a page: its link's unread badge, or 0 without one. */
  const badge = (html: string, channelId: string) => {
    const link = new RegExp(`data-channel-link="${channelId}"[^>]*>([\\s\\S]*?)</a>`).exec(html);
    expect(link, `sidebar link for ${channelId}`).not.toBeNull();
    const unread = /data-unread="(\d+)"/.exec(link![1]);
    return unread ? Number(unread[1]) : 0;
  };
  const unreadOf = async (who: Person) => {
    const sidebar = await listMyChannels(database.db, who.id);
    const all = sidebar.alliances.flatMap((a) => a.channels);
    return Object.fromEntries(all.map((c) => [c.id, { unread: c.unread, mentions: c.mentions }]));
  };

  it("sends visitors to log in", async () => {
    const res = await page(`/channels/${ids.general}`, null);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(`/channels/${ids.general}`)}`);
    expect((await page("/channels", null)).location).toBe("/login?redirectTo=%2Fchannels");
    expect((await page(`/alliances/${alliance.slug}/channels`, null)).status).toBe(302);
  });

  it("answers 404 to people who cannot see the channel, however they ask", async () => {
    const cases: [Person, string][] = [
      [people.outsider, ids.general],
      [people.pending, ids.general],
      [people.gone, ids.general],
      [people.carol, ids.secret],
      [people.alice, ids.otherGeneral],
    ];
    for (const [who, id] of cases) {
      const res = await page(`/channels/${id}`, who);
      expect(res.status, `${who.name} → ${id}`).toBe(404);
      expect(res.html).toContain("找不到该频道，或您无权查看。");
      expect((await json(`/channels/${id}/history`, who)).status).toBe(404);
      expect((await json(`/channels/${id}/mentions?q=`, who)).status).toBe(404);
    }
    expect((await page("/channels/not-a-uuid", people.alice)).status).toBe(404);
    expect((await json("/channels/not-a-uuid/history", people.alice)).status).toBe(404);
    expect((await json(`/channels/${ids.general}/history`, null)).status).toBe(404);
    // The invited see the private channel; the archived one is read-only.
    expect((await page(`/channels/${ids.secret}`, people.bob)).status).toBe(200);
    const archived = await page(`/channels/${ids.archived}`, people.carol);
    expect(archived.status).toBe(200);
    expect(archived.html).toContain("此频道已归档，只能查看，不能发言。");
    expect(archived.html).not.toContain("data-composer");
    // The alliance's tab: members only.
    expect((await page(`/alliances/${alliance.slug}/channels`, people.outsider)).status).toBe(403);
  });

  it("counts unread messages by others per channel and alliance, mentions apart, and shows them", async () => {
    const before = await unreadOf(people.alice);
    expect(before[ids.general]).toEqual({ unread: 0, mentions: 0 });
    await send(people.bob, ids.general, "第一条");
    await send(people.carol, ids.general, "第二条");
    const third = await send(people.bob, ids.general, "第三条");
    await send(people.bob, ids.open, "@爱丽丝 看看这个设计");
    await send(people.bob, ids.secret, "只有受邀的人能看到");
    // Removed messages are not unread.
    const removed = await send(people.bob, ids.general, "发错了");
    expect((await deleteMessage(server.services, viewer(people.bob), { messageId: removed.id })).ok).toBe(
      true,
    );

    const alice = await unreadOf(people.alice);
    expect(alice[ids.general]).toEqual({ unread: 3, mentions: 0 });
    expect(alice[ids.open]).toEqual({ unread: 1, mentions: 1 });
    expect(alice[ids.secret]).toEqual({ unread: 1, mentions: 0 });
    // Carol is not invited to the secret channel: it is not listed. Sending moved her read position
    // to her message: only the one after it counts.
    const carol = await unreadOf(people.carol);
    expect(carol[ids.secret]).toBeUndefined();
    expect(carol[ids.general]).toEqual({ unread: 1, mentions: 0 });
    expect((await unreadOf(people.bob))[ids.general]).toEqual({ unread: 0, mentions: 0 });

    const sidebar = await listMyChannels(database.db, people.alice.id);
    const mine = sidebar.alliances.find((a) => a.id === alliance.id)!;
    expect(mine.unread).toBe(5);
    expect(mine.mentions).toBe(1);
    expect(mine.channels.map((c) => c.name)).toEqual(["general", "design", "secret", "old"]);

    // The page: badges in the sidebar (the open channel's own is hidden), the "new messages" line
    // before the first unread message, and /channels leads to the first channel with unread messages.
    const shown = await page(`/channels/${ids.open}`, people.alice);
    expect(shown.status).toBe(200);
    expect(badge(shown.html, ids.general)).toBe(3);
    expect(badge(shown.html, ids.secret)).toBe(1);
    expect(badge(shown.html, ids.open)).toBe(0);
    expect(shown.html).toMatch(/data-unread-divider[\s\S]*看看这个设计/);
    expect((await page("/channels", people.alice)).location).toBe(`/channels/${ids.general}`);

    // Reading moves the line and the counts.
    const res = await server.fetch(
      `/channels/${ids.general}/messages`,
      post({ intent: "read", seq: String(third.seq) }, { cookie: people.alice.cookie }),
    );
    expect(res.status).toBe(200);
    expect((await unreadOf(people.alice))[ids.general]).toEqual({ unread: 0, mentions: 0 });
    const reread = await page(`/channels/${ids.general}`, people.alice);
    expect(reread.html).not.toContain("data-unread-divider");
    expect(reread.html).toContain("第三条");
  });

  it("stops counting at 99+", async () => {
    await database.db.execute(sql`
      insert into channel_messages (channel_id, author_id, body, body_html, client_key)
      select ${ids.archived}, ${people.bob.id}, 'm' || n, '<p>m' || n || '</p>', 'bulk-' || n
      from generate_series(1, 150) n`);
    await database.db
      .update(channels)
      .set({
        lastMessageSeq: sql`(select max(seq) from channel_messages where channel_id = ${ids.archived})`,
      })
      .where(eq(channels.id, ids.archived));
    expect((await unreadOf(people.carol))[ids.archived].unread).toBe(100);
    const shown = await page(`/channels/${ids.general}`, people.carol);
    expect(shown.html).toMatch(new RegExp(`data-channel-link="${ids.archived}"[\\s\\S]*?99\\+`));
  });

  it("pages through history backwards and forwards", async () => {
    // The archived channel holds 150 messages (above).
    const newest = await json<Page>(`/channels/${ids.archived}/history`, people.carol);
    expect(newest.status).toBe(200);
    expect(newest.body.messages).toHaveLength(50);
    expect(newest.body.hasOlder).toBe(true);
    expect(newest.body.hasNewer).toBe(false);
    const seen = [...newest.body.messages];
    let cursor = newest.body;
    while (cursor.hasOlder) {
      const older = await json<Page>(`/channels/${ids.archived}/history?before=${seen[0].seq}`, people.carol);
      expect(older.status).toBe(200);
      seen.unshift(...older.body.messages);
      cursor = older.body;
    }
    expect(seen).toHaveLength(150);
    expect(seen.map((m) => m.bodyHtml)).toEqual(Array.from({ length: 150 }, (_, i) => `<p>m${i + 1}</p>`));
    const seqs = seen.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const forward = await json<Page>(
      `/channels/${ids.archived}/history?after=${seen[9].seq}&limit=5`,
      people.carol,
    );
    expect(forward.body.messages.map((m) => m.seq)).toEqual(seqs.slice(10, 15));
    expect(forward.body.hasOlder).toBe(true);
    expect(forward.body.hasNewer).toBe(true);
    for (const bad of ["before=-1", "after=x", "limit=0", "limit=101", "before=99999999999999999"]) {
      expect((await json(`/channels/${ids.archived}/history?${bad}`, people.carol)).status, bad).toBe(400);
    }

    // A linked message opens the page around it, highlighted.
    const linked = seen[20];
    const around = await page(`/channels/${ids.archived}?message=${linked.id}`, people.carol);
    expect(around.html).toMatch(new RegExp(`data-message-id="${linked.id}"[^>]*aria-current="true"`));
    expect(around.html).toContain("<p>m6</p>");
    expect(around.html).not.toContain("<p>m100</p>");
  });

  it("offers as mentions only the alliance's members who can read the channel", async () => {
    const names = async (channelId: string, who: Person, q: string) => {
      const res = await json<{ candidates: { id: string; name: string }[] }>(
        `/channels/${channelId}/mentions?${new URLSearchParams({ q })}`,
        who,
      );
      expect(res.status).toBe(200);
      return res.body.candidates.map((c) => c.name).sort();
    };
    // Pending, departed and other alliances' people share the prefix and are never offered.
    expect(await names(ids.general, people.bob, "爱丽")).toEqual(["爱丽丝"]);
    expect(await names(ids.general, people.alice, "")).toEqual(["卡罗尔", "赵主席", "鲍勃"].sort());
    expect(await names(ids.secret, people.alice, "")).toEqual(["鲍勃"]);
    expect(await names(ids.secret, people.bob, "卡")).toEqual([]);
    // %, _ and \ are text, not patterns.
    expect(await names(ids.general, people.alice, "%")).toEqual([]);

    for (let i = 0; i < 12; i++) {
      const { user } = await createUser(database.db, { displayName: `张工${i}` });
      await addMember(database.db, { allianceId: alliance.id, userId: user.id });
    }
    const many = await names(ids.general, people.alice, "张工");
    expect(many).toHaveLength(8);
  });

  it("sends without JavaScript, once per key, and keeps the text when refused", async () => {
    const clientKey = crypto.randomUUID();
    const form = { intent: "send", body: "不用脚本也能发", clientKey };
    for (let i = 0; i < 2; i++) {
      const res = await server.fetch(`/channels/${ids.open}`, post(form, { cookie: people.carol.cookie }));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/channels/${ids.open}`);
    }
    const rows = await database.db
      .select({ id: channelMessages.id })
      .from(channelMessages)
      .where(and(eq(channelMessages.authorId, people.carol.id), eq(channelMessages.clientKey, clientKey)));
    expect(rows).toHaveLength(1);

    const long = `太长了${"字".repeat(10_000)}`;
    const refused = await server.fetch(
      `/channels/${ids.open}`,
      post({ intent: "send", body: long, clientKey: crypto.randomUUID() }, { cookie: people.carol.cookie }),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("消息最多 10,000 个字符，请删减后再发送。");
    expect(html).toContain("10,003 / 10,000");
    expect(html).toContain(`>${long}</textarea>`);
    const empty = await server.fetch(
      `/channels/${ids.open}`,
      post({ intent: "send", body: "  ", clientKey: crypto.randomUUID() }, { cookie: people.carol.cookie }),
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请输入消息内容。");

    const archived = await server.fetch(
      `/channels/${ids.archived}`,
      post(
        { intent: "send", body: "归档了", clientKey: crypto.randomUUID() },
        { cookie: people.carol.cookie },
      ),
    );
    expect(archived.status).toBe(403);
  });

  it("lists the alliance's channels on its tab, as the viewer may see them", async () => {
    const alice = await page(`/alliances/${alliance.slug}/channels`, people.alice);
    expect(alice.status).toBe(200);
    for (const id of [ids.general, ids.open, ids.secret, ids.archived]) expect(alice.html).toContain(id);
    expect(alice.html).toContain("设计讨论");
    expect(alice.html).toContain("已归档的频道");
    expect(alice.html).not.toContain("新建频道");
    const carol = await page(`/alliances/${alliance.slug}/channels`, people.carol);
    expect(carol.html).not.toContain(ids.secret);
    const chair = await page(`/alliances/${alliance.slug}/channels`, people.chair);
    expect(chair.html).toContain(`href="/alliances/${alliance.slug}/channels/new"`);
    // The layout's tab is there for members, not for outsiders.
    expect(alice.html).toContain(`href="/alliances/${alliance.slug}/channels"`);
    const outside = await page(`/alliances/${alliance.slug}`, people.outsider);
    expect(outside.html).not.toContain(`href="/alliances/${alliance.slug}/channels"`);
  });

  it("explains channels to someone in no alliance", async () => {
    const res = await page("/channels", people.loner);
    expect(res.status).toBe(200);
    expect(res.html).toContain("您还没有加入任何联盟");
    expect(res.html).toContain('href="/alliances"');
  });

  it("costs the same number of queries with many more messages, members and channels", async () => {
    const path = `/channels/${ids.general}`;
    // With unread messages: the page then loads history around the first of them.
    await send(people.bob, ids.general, "还有一条");
    const cost = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counts.push(
          await counter.count(async () => {
            expect((await page(path, people.alice)).status).toBe(200);
          }),
        );
      }
      return Math.min(...counts);
    };
    const before = await cost();
    await database.db.execute(sql`
      with new_users as (
        insert into users (id, email, display_name, password_hash)
        select 'chan-bulk-' || n, 'chan-bulk' || n || '@example.org', '成员' || n, 'x'
        from generate_series(1, 300) n
        returning id
      )
      insert into memberships (alliance_id, user_id, role, status)
      select ${alliance.id}, id, 'member', 'active' from new_users`);
    await database.db.execute(sql`
      insert into channel_messages (channel_id, author_id, body, body_html, client_key)
      select ${ids.general}, 'chan-bulk-' || (n % 300 + 1), 'x' || n, '<p>x' || n || '</p>', 'g-' || n
      from generate_series(1, 2000) n`);
    await database.db
      .update(channels)
      .set({ lastMessageSeq: sql`(select max(seq) from channel_messages)` })
      .where(eq(channels.id, ids.general));
    await database.db.insert(channels).values(
      Array.from({ length: 10 }, (_, i) => ({
        allianceId: alliance.id,
        slug: `extra-${i}`,
        name: `extra-${i}`,
        kind: "open" as const,
      })),
    );
    const after = await cost();
    expect(before).toBeLessThanOrEqual(8);
    expect(after).toBe(before);
  });
});
