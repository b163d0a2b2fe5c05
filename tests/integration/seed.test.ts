import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoData, seedIfEmpty } from "../../db/seed";
import { sniff } from "~/files/sniff.server";
import { isStoredName } from "~/files/storage.server";
import { channelAccess } from "~/models/channel-access.server";
import { listMessages } from "~/models/channel-messages.server";
import { loadInsights } from "~/models/insights/figures.server";
import { addDays, parsePeriod, shanghaiDay } from "~/models/insights/period";
import { inquiryAccess, resourceAccess } from "~/models/resource-access.server";
import { resourceSeedId } from "../../db/seed-data/resources";
import { DEMO_PASSWORD, demoLogins } from "../../db/seed-data/users";
import type { Logger } from "~/utils/logger.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { useTestDatabase } from "../setup/database";

// Hashing is the slow part of seeding: count it, to prove only new users are hashed.
vi.mock("~/utils/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/utils/password.server")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

const PLAN_CHAINS = [
  "自主可控信息系统",
  "智能安防",
  "大数据",
  "先进通信",
  "智能网联车",
  "工业机器人",
  "智能终端",
];

type Row = Record<string, unknown>;

function stubLogger() {
  return { info: vi.fn() } as unknown as Logger & { info: ReturnType<typeof vi.fn> };
}

describe("demo seed", () => {
  const database = useTestDatabase();
  const rows = <T extends Row>(query: ReturnType<typeof sql>) => database.db.execute<T>(query);

  /** Every public table's rows, order-independent: the whole state a second seed must leave alone. */
  async function dump(): Promise<Record<string, string[]>> {
    const tables = await rows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const all = await rows<{ row: string }>(
        sql`select to_jsonb(t)::text as row from ${sql.identifier(name)} t`,
      );
      result[name] = all.map((r) => r.row).sort();
    }
    return result;
  }

  // The demo's attachments land under DATA_DIR/files; each run of this file gets its own.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "qilian-seed-"));
  const storedFiles = () =>
    fs.readdirSync(path.join(dataDir, "files"), { recursive: true }).map(String).sort();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const firstStart = stubLogger();
  beforeAll(async () => {
    await seedIfEmpty(database.db, firstStart, { dataDir });
  });

  it("seeds an empty database on first start", async () => {
    expect(firstStart.info).toHaveBeenCalledOnce();
    const tables = await dump();
    expect(tables.alliances).toHaveLength(7);
    expect(tables.chains).toHaveLength(7);
  });

  it("names the seven alliances and seven chains in both languages, all distinct", async () => {
    for (const table of ["alliances", "chains"]) {
      const named = await rows<{ zh: string; en: string; dzh: string; den: string }>(
        sql`select name_zh as zh, name_en as en, description_zh as dzh, description_en as den from ${sql.identifier(table)}`,
      );
      expect(named).toHaveLength(7);
      for (const column of ["zh", "en", "dzh", "den"] as const) {
        const values = named.map((r) => r[column].trim());
        expect(
          values.every((v) => v.length > 0),
          `${table}.${column} empty`,
        ).toBe(true);
        expect(new Set(values).size, `${table}.${column} repeated`).toBe(7);
      }
      expect(named.every((r) => r.zh !== r.en)).toBe(true);
    }
    const chainNames = await rows<{ zh: string }>(sql`select name_zh as zh from chains order by position`);
    expect(chainNames.map((c) => c.zh)).toEqual(PLAN_CHAINS);
  });

  it("draws every chain as a connected, acyclic graph of at least six nodes with a join", async () => {
    const nodes = await rows<{ id: string; chain: string; slug: string }>(
      sql`select n.id, c.slug as chain, n.slug from chain_nodes n join chains c on c.id = n.chain_id`,
    );
    const edges = await rows<{ from: string; to: string }>(
      sql`select from_node_id as from, to_node_id as to from chain_edges`,
    );
    const chainOf = new Map(nodes.map((n) => [n.id, n.chain]));
    for (const edge of edges) expect(chainOf.get(edge.from)).toBe(chainOf.get(edge.to));

    for (const chain of new Set(nodes.map((n) => n.chain))) {
      const ids = nodes.filter((n) => n.chain === chain).map((n) => n.id);
      const own = edges.filter((e) => chainOf.get(e.from) === chain);
      expect(ids.length, chain).toBeGreaterThanOrEqual(6);
      expect(isAcyclic(ids, own), `${chain} has a cycle`).toBe(true);
      expect(isConnected(ids, own), `${chain} is not connected`).toBe(true);
      const upstreamCounts = ids.map((id) => own.filter((e) => e.to === id).length);
      expect(
        Math.max(...upstreamCounts),
        `${chain} has no node with two upstream nodes`,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it("keeps the plan's own upstream → downstream sequences", async () => {
    const links = await rows<{ link: string }>(sql`
      select c.slug || ':' || f.slug || '>' || t.slug as link
      from chain_edges e
      join chain_nodes f on f.id = e.from_node_id
      join chain_nodes t on t.id = e.to_node_id
      join chains c on c.id = f.chain_id`);
    const set = new Set(links.map((l) => l.link));
    for (const link of [
      "independent-it:cpu>os",
      "independent-it:os>database",
      "independent-it:database>complete-machine",
      "industrial-robots:reducers>robot-body",
      "industrial-robots:controllers>robot-body",
      "industrial-robots:servos>robot-body",
      "industrial-robots:robot-body>system-integration",
      "connected-vehicles:traffic-scenarios>autonomous-vehicles",
      "connected-vehicles:autonomous-vehicles>mobility-network",
    ]) {
      expect(set, link).toContain(link);
    }
  });

  it("gives every alliance at least one chain and uses every join policy", async () => {
    const alliances = await rows<{ slug: string; policy: string; chains: number }>(sql`
      select a.slug, a.join_policy as policy, count(ac.chain_id)::int as chains
      from alliances a left join alliance_chains ac on ac.alliance_id = a.id group by a.id`);
    for (const a of alliances) expect(a.chains, a.slug).toBeGreaterThanOrEqual(1);
    expect(new Set(alliances.map((a) => a.policy))).toEqual(new Set(["open", "request", "invite"]));
  });

  it("gives every alliance one active chair, an organizer, members and some pending requests", async () => {
    const perAlliance = await rows<{
      slug: string;
      chairs: number;
      organizers: number;
      members: number;
      pending: number;
    }>(
      sql`select a.slug,
            count(*) filter (where m.role = 'chair' and m.status = 'active')::int as chairs,
            count(*) filter (where m.role = 'organizer' and m.status = 'active')::int as organizers,
            count(*) filter (where m.role = 'member' and m.status = 'active')::int as members,
            count(*) filter (where m.status = 'pending')::int as pending
          from alliances a left join memberships m on m.alliance_id = a.id group by a.slug`,
    );
    expect(perAlliance).toHaveLength(7);
    for (const alliance of perAlliance) {
      expect(alliance.chairs, alliance.slug).toBe(1);
      expect(alliance.organizers, alliance.slug).toBeGreaterThanOrEqual(1);
      expect(alliance.members, alliance.slug).toBeGreaterThanOrEqual(2);
    }
    expect(perAlliance.filter((a) => a.pending > 0).length).toBeGreaterThanOrEqual(2);
  });

  it("creates about a dozen organizations, some verified, and demo users who represent them", async () => {
    const [orgs] = await rows<{ n: number; verified: number }>(
      sql`select count(*)::int as n, count(*) filter (where verified)::int as verified from organizations`,
    );
    expect(orgs.n).toBeGreaterThanOrEqual(12);
    expect(orgs.verified).toBeGreaterThan(0);
    expect(orgs.verified).toBeLessThan(orgs.n);

    const users = await rows<{ email: string; hash: string; role: string | null; orgs: number }>(sql`
      select u.email, u.password_hash as hash, u.platform_role as role, count(r.org_id)::int as orgs
      from users u left join org_representatives r on r.user_id = u.id group by u.id`);
    expect(users.map((u) => u.email).sort()).toEqual(demoLogins.map((l) => l.email).sort());
    const verified = await Promise.all(users.map((u) => verifyPassword(u.hash, DEMO_PASSWORD)));
    expect(verified.every(Boolean)).toBe(true);
    expect(users.filter((u) => u.role === "admin").map((u) => u.email)).toEqual([
      "admin@demo.qilian.example",
    ]);
    for (const u of users) expect(u.orgs, u.email).toBeGreaterThanOrEqual(1);
  });

  it("announces the demo users on the platform feed", async () => {
    const feed = await rows<{ type: string; name: string; org: string; actor: string | null }>(sql`
      select type, payload->>'displayName' as name, payload->'organization'->>'nameZh' as org, actor_id as actor
      from activity where topic = 'platform' order by id`);
    expect(feed).toHaveLength(demoLogins.length - 1);
    for (const entry of feed) {
      expect(entry.type).toBe("user.joined");
      expect(entry.name && entry.org && entry.actor).toBeTruthy();
    }
  });

  it("posts demo problems in every status, some for members only, each by an active member of its alliance", async () => {
    const problems = await rows<{
      status: string;
      visibility: string;
      member: boolean;
      nodes: number;
      chains: number;
    }>(sql`
      select p.status::text, p.visibility::text,
        p.alliance_id is null or exists (select 1 from memberships m where m.alliance_id = p.alliance_id
          and m.user_id = p.author_id and m.status = 'active') as member,
        (select count(*)::int from problem_nodes n where n.problem_id = p.id) as nodes,
        (select count(distinct c.chain_id)::int from problem_nodes n join chain_nodes c on c.id = n.node_id
          where n.problem_id = p.id) as chains
      from problems p`);
    expect(problems.length).toBeGreaterThanOrEqual(20);
    expect(new Set(problems.map((p) => p.status))).toEqual(
      new Set(["open", "in_progress", "solved", "closed"]),
    );
    expect(problems.filter((p) => p.visibility === "alliance").length).toBeGreaterThanOrEqual(3);
    expect(problems.every((p) => p.member && p.nodes > 0)).toBe(true);
    const [{ spread }] = await rows<{ spread: number }>(
      sql`select count(distinct c.chain_id)::int as spread from problem_nodes n join chain_nodes c on c.id = n.node_id`,
    );
    expect(spread).toBeGreaterThanOrEqual(5);
  });

  it("endorses and answers a few demo problems, never by their own authors", async () => {
    const [engagement] = await rows<{ endorsements: number; replies: number; own: number }>(sql`
      select (select count(*)::int from problem_endorsements) as endorsements,
        (select count(*)::int from problem_replies) as replies,
        (select count(*)::int from problem_endorsements e join problems p on p.id = e.problem_id
          where e.user_id = p.author_id) as own`);
    expect(engagement.endorsements).toBeGreaterThanOrEqual(5);
    expect(engagement.replies).toBeGreaterThanOrEqual(3);
    expect(engagement.own).toBe(0);
  });

  it("fills every alliance's #general and topic channels, a private one among them, as the app writes them", async () => {
    const perAlliance = await rows<{ slug: string; general: number; topics: number }>(sql`
      select a.slug,
        (select count(*)::int from channel_messages m join channels c on c.id = m.channel_id
          where c.alliance_id = a.id and c.kind = 'general') as general,
        (select count(*)::int from channels c where c.alliance_id = a.id and c.kind <> 'general') as topics
      from alliances a`);
    expect(perAlliance).toHaveLength(7);
    for (const alliance of perAlliance) {
      expect(alliance.general, alliance.slug).toBeGreaterThanOrEqual(5);
      expect(alliance.topics, alliance.slug).toBeGreaterThanOrEqual(1);
    }
    const [shape] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from channels c where c.kind = 'private' and exists (select 1 from channel_members cm
        where cm.channel_id = c.id and cm.invited_by_id is not null)) as "privateWithInvitees",
      (select count(*)::int from channel_messages where reply_to_id is not null) as replies,
      (select count(*)::int from message_mentions) as mentions,
      (select count(*)::int from channel_messages where edited_at is not null) as edited,
      (select count(*)::int from channel_messages where deleted_at is not null and body = '' and body_html = '') as deleted,
      (select count(*)::int from channel_messages m join content_reports r on r.subject_type = 'channel_message'
        and r.subject_id = m.id and r.status = 'hidden' where m.hidden_at is not null and m.hidden_reason <> '') as hidden,
      (select count(*)::int from audit_log where action = 'channel.message_hidden') as "hiddenAudited",
      (select count(*)::int from channel_messages m join users u on u.id = m.author_id
        where u.locale = 'en' and m.body ~ '^[ -~—]+$') as english,
      (select count(*)::int from channel_messages where created_at < now() - interval '10 days') as older`);
    expect(shape.privateWithInvitees).toBeGreaterThanOrEqual(1);
    expect(shape.replies).toBeGreaterThanOrEqual(10);
    expect(shape.mentions).toBeGreaterThanOrEqual(5);
    expect(shape).toMatchObject({ edited: 2, deleted: 1, hidden: 1, hiddenAudited: 1 });
    expect(shape.english).toBeGreaterThanOrEqual(10);
    expect(shape.older).toBeGreaterThan(0);

    const [integrity] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from channel_messages m join channels c on c.id = m.channel_id
        where not exists (select 1 from memberships ms where ms.alliance_id = c.alliance_id
          and ms.user_id = m.author_id and ms.status = 'active')
        or (c.kind = 'private' and not exists (select 1 from channel_members cm
          where cm.channel_id = c.id and cm.user_id = m.author_id))) as "authorsWhoCannotPost",
      (select count(*)::int from message_mentions mm join channel_messages m on m.id = mm.message_id
        where strpos(m.body_html, 'data-user-id="' || mm.user_id || '"') = 0) as "unmarkedMentions",
      (select count(*)::int from channel_messages a join channel_messages b on b.channel_id = a.channel_id
        and b.seq > a.seq and b.created_at < a.created_at) as "outOfOrder",
      (select count(*)::int from channels c where c.last_message_seq <>
        coalesce((select max(seq) from channel_messages m where m.channel_id = c.id), 0)) as "staleNewest",
      (select count(*)::int from channel_members cm join channels c on c.id = cm.channel_id
        where cm.last_read_seq > c.last_message_seq) as "readPastEnd"`);
    expect(integrity).toEqual({
      authorsWhoCannotPost: 0,
      unmarkedMentions: 0,
      outOfOrder: 0,
      staleNewest: 0,
      readPastEnd: 0,
    });
  });

  it("reads back through the channel model: a hidden message shows its reason, a reply its quote", async () => {
    const [{ channelId, viewerId }] = await rows<{ channelId: string; viewerId: string }>(sql`
      select c.id as "channelId", u.id as "viewerId" from channels c join alliances a on a.id = c.alliance_id,
        users u where a.slug = 'artificial-intelligence' and c.kind = 'general'
        and u.email = 'zhao.min@demo.qilian.example'`);
    const viewer = { id: viewerId, platformRole: null };
    const channel = await channelAccess(database.db, viewer, channelId);
    expect(channel?.lastReadSeq).toBeLessThan(channel!.lastMessageSeq);
    const { messages } = await listMessages(database.db, viewer, channel!);
    const hidden = messages.find((m) => m.state === "hidden");
    expect(hidden).toMatchObject({ bodyHtml: "", hiddenReason: expect.stringMatching(/\S/) });
    const mention = messages.find((m) => m.mentions.includes(viewerId));
    expect(mention?.bodyHtml).toContain(`<span class="mention" data-user-id="${viewerId}">@赵敏</span>`);
    expect(mention?.replyTo).toMatchObject({
      authorName: "赵敏",
      excerpt: expect.stringContaining("视觉缺陷检测"),
    });
  });

  it("leaves zhao.min and chen.jing unread messages, a mention of each among them", async () => {
    const people = await rows<{
      email: string;
      channels: number;
      mentions: number;
      unreadElsewhere: number;
    }>(sql`
      select u.email,
        (select count(*)::int from channel_members cm join channels c on c.id = cm.channel_id
          where cm.user_id = u.id and c.last_message_seq > cm.last_read_seq) as channels,
        (select count(*)::int from notifications n where n.user_id = u.id and n.type = 'channel.mention'
          and n.read_at is null) as mentions,
        (select count(*)::int from notifications n join channel_members cm on cm.user_id = n.user_id
          and cm.channel_id = (n.data->>'channelId')::uuid join channel_messages m on m.id = (n.data->>'messageId')::uuid
          where n.user_id = u.id and n.type = 'channel.mention' and n.read_at is null and m.seq <= cm.last_read_seq)
          as "unreadElsewhere"
      from users u where u.email in ('zhao.min@demo.qilian.example', 'chen.jing@demo.qilian.example')
      order by u.email`);
    expect(people).toHaveLength(2);
    for (const person of people) {
      expect(person.channels, person.email).toBeGreaterThanOrEqual(2);
      expect(person.mentions, person.email).toBeGreaterThanOrEqual(1);
      // An unread mention notification points at a message the person has not read.
      expect(person.unreadElsewhere, person.email).toBe(0);
    }
    const [{ others }] = await rows<{ others: number }>(sql`
      select count(*)::int as others from channel_members cm join channels c on c.id = cm.channel_id
      join users u on u.id = cm.user_id
      where c.last_message_seq > cm.last_read_seq
        and u.email not in ('zhao.min@demo.qilian.example', 'chen.jing@demo.qilian.example')`);
    expect(others).toBe(0);
  });

  it("shares resources of every kind, terms and mode across the seven chains and every alliance", async () => {
    const listed = await rows<{
      kind: string;
      visibility: string;
      terms: string;
      modes: string[];
      title: string;
      description: string;
      chains: number;
      nodes: number;
      alliances: number;
      searchable: boolean;
    }>(sql`
      select r.kind::text, r.visibility::text, r.terms::text, r.modes::text[] as modes, r.title, r.description,
        cardinality(r.chain_ids) as chains,
        (select count(*)::int from resource_nodes n where n.resource_id = r.id) as nodes,
        (select count(*)::int from resource_alliances a where a.resource_id = r.id) as alliances,
        length(r.search) > 0 as searchable
      from resources r`);
    expect(listed.length).toBeGreaterThanOrEqual(30);
    expect(new Set(listed.map((r) => r.kind))).toEqual(
      new Set(["result", "product", "service", "dataset", "document", "equipment", "lab_time"]),
    );
    expect(new Set(listed.map((r) => r.terms))).toEqual(new Set(["free", "paid", "negotiable"]));
    expect(new Set(listed.flatMap((r) => r.modes))).toEqual(
      new Set(["licensing", "transfer", "joint_development", "service_contract", "rental", "purchase"]),
    );
    expect(listed.filter((r) => r.visibility === "alliance").length).toBeGreaterThanOrEqual(4);
    expect(listed.filter((r) => r.visibility === "public").length).toBeGreaterThanOrEqual(15);
    for (const r of listed) {
      expect(r.nodes, r.title).toBeGreaterThan(0);
      expect(r.chains, r.title).toBe(1);
      expect(r.searchable, r.title).toBe(true);
      // Alliance-only means "for the members of these": never for nobody.
      if (r.visibility === "alliance") expect(r.alliances, r.title).toBeGreaterThan(0);
    }
    const han = /\p{Script=Han}/u;
    const english = listed.filter((r) => !han.test(r.title) && !han.test(r.description));
    expect(english.length).toBeGreaterThanOrEqual(5);
    expect(listed.length - english.length).toBeGreaterThanOrEqual(20);

    const [spread] = await rows<{ chains: number; alliances: number; orgs: number; kinds: number }>(sql`
      select (select count(distinct c)::int from resources, unnest(chain_ids) c) as chains,
        (select count(distinct alliance_id)::int from resource_alliances) as alliances,
        (select count(distinct org_id)::int from resources) as orgs,
        (select count(distinct o.kind)::int from resources r join organizations o on o.id = r.org_id) as kinds`);
    expect(spread).toMatchObject({ chains: 7, alliances: 7 });
    expect(spread.orgs).toBeGreaterThanOrEqual(10);
    // Firms, a university, an institute and an agency all share something.
    expect(spread.kinds).toBeGreaterThanOrEqual(4);
  });

  it("keeps every resource's chains, sharer, contact and alliances as the app would write them", async () => {
    const [integrity] = await rows<Record<string, number>>(sql`select
      (select count(*)::int from resources r where r.chain_ids <> array(select distinct c.chain_id
        from resource_nodes n join chain_nodes c on c.id = n.node_id where n.resource_id = r.id order by 1))
        as "staleChains",
      (select count(*)::int from resources r where not exists (select 1 from org_representatives o
        where o.org_id = r.org_id and o.user_id = r.created_by_id)) as "sharedByOutsider",
      (select count(*)::int from resources r where not exists (select 1 from org_representatives o
        where o.org_id = r.org_id and o.user_id = r.contact_user_id)) as "contactNotRepresentative",
      (select count(*)::int from resource_alliances a join resources r on r.id = a.resource_id
        where not exists (select 1 from memberships m where m.alliance_id = a.alliance_id
          and m.user_id = r.created_by_id and m.status = 'active')) as "sharedWithForeignAlliance",
      (select count(*)::int from resources where hidden_at is not null) as hidden,
      (select count(*)::int from resources where updated_at < created_at) as "editedBeforeShared"`);
    expect(integrity).toEqual({
      staleChains: 0,
      sharedByOutsider: 0,
      contactNotRepresentative: 0,
      sharedWithForeignAlliance: 0,
      hidden: 0,
      editedBeforeShared: 0,
    });
  });

  it("has one listing past its date awaiting its owner's confirmation and one withdrawn", async () => {
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const expired = await rows<{ id: string; owner: string; noticed: boolean; told: number }>(sql`
      select r.id, r.created_by_id as owner, r.expiry_notice_at is not null as noticed,
        (select count(*)::int from notifications n where n.user_id = r.created_by_id
          and n.type = 'resource.expiring' and n.href = '/resources/' || r.id) as told
      from resources r where r.expires_on < ${today}::date and r.withdrawn_at is null`);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ noticed: true, told: 1 });
    const [{ notNoticedYet }] = await rows<{ notNoticedYet: number }>(sql`
      select count(*)::int as "notNoticedYet" from resources where expiry_notice_at is not null
        and expires_on >= ${today}::date`);
    expect(notNoticedYet).toBe(0);

    const withdrawn = await rows<{ id: string; inquiries: number }>(sql`
      select r.id, (select count(*)::int from inquiries i where i.resource_id = r.id) as inquiries
      from resources r where r.withdrawn_at is not null`);
    expect(withdrawn).toHaveLength(1);
    // Kept for the history of the inquiries made about it.
    expect(withdrawn[0].inquiries).toBeGreaterThan(0);
  });

  it("stores real PDF and PNG attachments under DATA_DIR with their size and checksum", async () => {
    const files = await rows<{
      resource: string;
      name: string;
      stored: string;
      mime: string;
      size: number;
      sha256: string;
      uploader: boolean;
    }>(sql`
      select a.resource_id as resource, a.file_name as name, a.stored_name as stored, a.mime,
        a.size::int as size, a.sha256,
        exists (select 1 from org_representatives o join resources r on r.org_id = o.org_id
          where r.id = a.resource_id and o.user_id = a.uploaded_by_id) as uploader
      from attachments a`);
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(new Set(files.map((f) => f.mime))).toEqual(new Set(["application/pdf", "image/png"]));
    expect(files.some((f) => /\p{Script=Han}/u.test(f.name))).toBe(true);
    for (const file of files) {
      expect(file.uploader, file.name).toBe(true);
      // Stored under a generated name, never the uploaded one.
      expect(isStoredName(file.stored), file.name).toBe(true);
      const bytes = fs.readFileSync(path.join(dataDir, "files", file.stored));
      expect(bytes.length, file.name).toBe(file.size);
      expect(crypto.createHash("sha256").update(bytes).digest("hex"), file.name).toBe(file.sha256);
      // The upload check would have let it in, as what the row says it is.
      const sniffed = await sniff(bytes, file.name);
      expect(sniffed.ok && sniffed.type.mime, file.name).toBe(file.mime);
    }
    // Every file moved into place once the seed committed: nothing left waiting in files/tmp.
    expect(storedFiles().filter(isStoredName).sort()).toEqual(files.map((f) => f.stored).sort());
    expect(fs.readdirSync(path.join(dataDir, "files", "tmp"))).toEqual([]);
  });

  it("threads inquiries in every status between askers who may ask and the provider", async () => {
    const asked = await rows<{
      id: string;
      status: string;
      decided: boolean;
      messages: number;
      lastByAsker: boolean | null;
      askerMaySee: boolean;
      askerRepresents: boolean;
      problemOwn: boolean | null;
      askerOrgOwn: boolean | null;
      strangers: number;
    }>(sql`
      select i.id, i.status::text, i.decided_at is not null as decided,
        (select count(*)::int from inquiry_messages m where m.inquiry_id = i.id) as messages,
        (select m.author_id = i.asker_id from inquiry_messages m where m.inquiry_id = i.id
          order by m.id desc limit 1) as "lastByAsker",
        (r.visibility = 'public' or exists (select 1 from resource_alliances ra join memberships ms
          on ms.alliance_id = ra.alliance_id where ra.resource_id = r.id and ms.user_id = i.asker_id
          and ms.status = 'active')) as "askerMaySee",
        exists (select 1 from org_representatives o where o.org_id = r.org_id and o.user_id = i.asker_id)
          as "askerRepresents",
        (select p.author_id = i.asker_id from problems p where p.id = i.problem_id) as "problemOwn",
        (select exists (select 1 from org_representatives o where o.org_id = i.asker_org_id
          and o.user_id = i.asker_id) where i.asker_org_id is not null) as "askerOrgOwn",
        (select count(*)::int from inquiry_messages m where m.inquiry_id = i.id and m.author_id <> i.asker_id
          and not exists (select 1 from org_representatives o where o.org_id = r.org_id
            and o.user_id = m.author_id)) as strangers
      from inquiries i join resources r on r.id = i.resource_id`);
    expect(asked.length).toBeGreaterThanOrEqual(10);
    expect(new Set(asked.map((i) => i.status))).toEqual(
      new Set(["open", "answered", "accepted", "declined", "withdrawn"]),
    );
    expect(asked.filter((i) => i.messages >= 2).length).toBeGreaterThanOrEqual(3);
    expect(asked.filter((i) => i.problemOwn !== null).length).toBeGreaterThanOrEqual(5);
    for (const i of asked) {
      expect(i, i.id).toMatchObject({ askerMaySee: true, askerRepresents: false, strangers: 0 });
      expect(i.problemOwn ?? true, i.id).toBe(true);
      expect(i.askerOrgOwn ?? true, i.id).toBe(true);
      expect(i.decided, i.id).toBe(!["open", "answered"].includes(i.status));
      // `open` is the provider's turn, `answered` the asker's.
      if (i.status === "open") expect(i.lastByAsker ?? true, i.id).toBe(true);
      if (i.status === "answered") expect(i.lastByAsker, i.id).toBe(false);
    }
    const [counts] = await rows<{ wrong: number; total: number }>(sql`
      select count(*) filter (where r.inquiry_count <> (select count(*) from inquiries i
          where i.resource_id = r.id))::int as wrong,
        sum(r.inquiry_count)::int as total
      from resources r`);
    expect(counts).toEqual({ wrong: 0, total: asked.length });
    // Whoever's turn it is in an undecided thread has an unread notice of it.
    const [{ waiting }] = await rows<{ waiting: number }>(sql`
      select count(*)::int as waiting from inquiries i where i.status in ('open', 'answered')
        and not exists (select 1 from notifications n where n.href = '/inquiries/' || i.id and n.read_at is null)`);
    expect(waiting).toBe(0);
  });

  it("remembers matches announced between listable resources and problems their posters can see", async () => {
    const matches = await rows<{
      score: number;
      notified: boolean;
      shared: number;
      node: string | null;
      listable: boolean;
      posterMaySee: boolean;
      providerMaySee: boolean;
      told: number;
    }>(sql`
      select m.score, m.notified_at is not null as notified,
        (select count(*)::int from notifications n where n.type = 'resource.match'
          and n.data->>'problemId' = m.problem_id::text and n.data->>'resourceId' = m.resource_id::text
          and n.user_id in (p.author_id, r.contact_user_id)) as told,
        jsonb_array_length(m.reasons->'shared') as shared, m.reasons->'node'->>'zh' as node,
        r.withdrawn_at is null and r.hidden_at is null and p.hidden_at is null
          and p.status in ('open', 'in_progress') as listable,
        (r.visibility = 'public' or exists (select 1 from resource_alliances ra join memberships ms
          on ms.alliance_id = ra.alliance_id where ra.resource_id = r.id and ms.user_id = p.author_id
          and ms.status = 'active')) as "posterMaySee",
        (p.visibility = 'public' or exists (select 1 from memberships ms where ms.alliance_id = p.alliance_id
          and ms.user_id = r.contact_user_id and ms.status = 'active')) as "providerMaySee"
      from resource_matches m join resources r on r.id = m.resource_id join problems p on p.id = m.problem_id`);
    expect(matches.length).toBeGreaterThanOrEqual(5);
    for (const m of matches) {
      expect(m).toMatchObject({
        notified: true,
        listable: true,
        posterMaySee: true,
        providerMaySee: true,
        // Once each: the problem's poster and the listing's contact.
        told: 2,
      });
      expect(m.shared).toBeGreaterThan(0);
      expect(m.node).toBeTruthy();
      expect(m.score).toBeGreaterThan(0);
    }
  });

  it("reads back through the access rules: alliance-only for members, threads for the two sides", async () => {
    const person = async (name: string) => {
      const [row] = await database.sql<{ id: string }[]>`
        select id from users where email = ${`${name}@demo.qilian.example`}`;
      return { id: row.id, platformRole: null };
    };
    const encoder = resourceSeedId("magnetic-absolute-encoder");
    expect(await resourceAccess(database.db, await person("sun.hao"), encoder)).toMatchObject({
      visibility: "alliance",
      inquire: true,
    });
    // 周婷 is in no alliance it is shared with: it does not exist for her, nor for a visitor.
    expect(await resourceAccess(database.db, await person("zhou.ting"), encoder)).toBeNull();
    expect(await resourceAccess(database.db, null, encoder)).toBeNull();

    const thread = resourceSeedId("inquiry/flexspline-jinkai");
    expect(await inquiryAccess(database.db, await person("zhao.min"), thread)).toMatchObject({
      provider: false,
      status: "answered",
    });
    expect(await inquiryAccess(database.db, await person("huang.zhiyuan"), thread)).toMatchObject({
      provider: true,
    });
    // The robotics alliance's organizer sees counts, never the thread.
    expect(await inquiryAccess(database.db, await person("daniel.hoffmann"), thread)).toBeNull();
  });

  /** Calendar months in Shanghai, as the dashboard cuts them. */
  const month = (column: string) => sql.raw(`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM')`);

  it("has a year of problems posted and solved, each with a timeline in order", async () => {
    const [spread] = await rows<{ posted: number; solved: number; oldest: number }>(sql`select
      (select count(distinct ${month("created_at")})::int from problems) as posted,
      (select count(distinct ${month("created_at")})::int from problem_events
        where kind = 'status_changed' and to_status = 'solved') as solved,
      (select extract(day from now() - min(created_at))::int from problems) as oldest`);
    expect(spread.posted).toBeGreaterThanOrEqual(11);
    expect(spread.solved).toBeGreaterThanOrEqual(6);
    expect(spread.oldest).toBeGreaterThanOrEqual(300);
    expect(spread.oldest).toBeLessThanOrEqual(366);

    const timelines = await rows<{
      id: string;
      status: string;
      posted: string | null;
      accepted: string | null;
      started: string | null;
      solved: string | null;
      closed: string | null;
      firstResponse: string | null;
      acceptedOrg: string | null;
      last: string;
      created: string;
    }>(sql`
      select p.id, p.status::text, p.created_at::text as created,
        (select min(created_at)::text from problem_events e where e.problem_id = p.id and e.kind = 'posted') as posted,
        (select min(created_at)::text from problem_events e where e.problem_id = p.id
          and e.kind = 'application_accepted') as accepted,
        (select min(created_at)::text from problem_events e where e.problem_id = p.id
          and e.kind = 'status_changed' and e.to_status = 'in_progress') as started,
        (select max(created_at)::text from problem_events e where e.problem_id = p.id
          and e.kind = 'status_changed' and e.to_status = 'solved') as solved,
        (select max(created_at)::text from problem_events e where e.problem_id = p.id
          and e.kind = 'status_changed' and e.to_status = 'closed') as closed,
        (select least(
          (select min(r.created_at) from problem_replies r where r.problem_id = p.id and r.author_id <> p.author_id),
          (select min(a.created_at) from problem_applications a where a.problem_id = p.id))::text) as "firstResponse",
        (select a.org_id::text from problem_applications a where a.problem_id = p.id and a.status = 'accepted')
          as "acceptedOrg",
        (select max(created_at)::text from problem_events e where e.problem_id = p.id) as last
      from problems p where p.created_at < now() - interval '28 days'`);
    expect(timelines.length).toBeGreaterThanOrEqual(60);
    const time = (value: string | null) => (value === null ? NaN : new Date(value).getTime());
    for (const p of timelines) {
      expect(time(p.posted), p.id).toBe(time(p.created));
      expect(time(p.last), p.id).toBeLessThan(Date.now());
      if (p.status === "solved" || p.status === "in_progress") {
        // Taken up (揭榜) by an organization, after the first response, then moved on in order.
        expect(p.acceptedOrg, p.id).not.toBeNull();
        expect(time(p.firstResponse), p.id).toBeGreaterThan(time(p.created));
        expect(time(p.accepted), p.id).toBeGreaterThanOrEqual(time(p.firstResponse));
        expect(time(p.started), p.id).toBe(time(p.accepted));
      }
      if (p.status === "solved") expect(time(p.solved), p.id).toBeGreaterThan(time(p.accepted));
      if (p.status === "closed") expect(time(p.closed), p.id).toBeGreaterThan(time(p.created));
    }
    expect(new Set(timelines.map((p) => p.status))).toEqual(new Set(["solved", "closed", "in_progress"]));
  });

  it("solves some problems across alliances and chains, and leaves none of the past open", async () => {
    const [crossing] = await rows<{ alliance: number; chain: number; pastOpen: number }>(sql`
      select count(*) filter (where p.alliance_id is not null and not exists (select 1 from memberships m
          where m.alliance_id = p.alliance_id and m.user_id = a.applicant_id and m.status = 'active'))::int as alliance,
        count(*) filter (where not exists (select 1 from org_positions op join chain_nodes cn on cn.id = op.node_id
          where op.org_id = a.org_id and cn.chain_id = any(p.chain_ids)))::int as chain,
        (select count(*)::int from problems where status in ('open', 'in_progress') and visibility = 'public'
          and created_at < now() - interval '28 days') as "pastOpen"
      from problems p join problem_applications a on a.problem_id = p.id and a.status = 'accepted'
      where p.status = 'solved'`);
    expect(crossing.alliance).toBeGreaterThanOrEqual(3);
    expect(crossing.chain).toBeGreaterThanOrEqual(2);
    // Old unsolved public problems would add weak links to the chain maps; those are members-only.
    expect(crossing.pastOpen).toBe(0);
  });

  it("held events every month of the year, most registrants checking in", async () => {
    const [held] = await rows<{
      months: number;
      events: number;
      confirmed: number;
      attended: number;
      early: number;
    }>(sql`
      select count(distinct ${month("o.starts_at")})::int as months, count(distinct o.id)::int as events,
        count(r.id) filter (where r.status = 'confirmed')::int as confirmed,
        count(r.id) filter (where r.status = 'confirmed' and r.checked_in_at is not null)::int as attended,
        count(r.id) filter (where r.created_at >= o.starts_at or r.checked_in_at is not null
          and r.status <> 'confirmed')::int as early
      from event_occurrences o join events e on e.id = o.event_id
      left join event_registrations r on r.occurrence_id = o.id
      where o.starts_at < now() and o.status = 'scheduled' and e.status = 'published'`);
    expect(held.months).toBeGreaterThanOrEqual(11);
    expect(held.events).toBeGreaterThanOrEqual(30);
    expect(held.attended / held.confirmed).toBeGreaterThanOrEqual(0.6);
    expect(held.attended / held.confirmed).toBeLessThanOrEqual(0.9);
    // Registered before the start; only confirmed places check in.
    expect(held.early).toBe(0);
    const [{ stale }] = await rows<{ stale: number }>(sql`
      select count(*)::int as stale from event_occurrences o where o.confirmed_count <>
        (select count(*) from event_registrations r where r.occurrence_id = o.id and r.status = 'confirmed')`);
    expect(stale).toBe(0);
  });

  it("shares resources and answers inquiries over the year, some taken up for the asker's problem", async () => {
    const [spread] = await rows<{
      shared: number;
      asked: number;
      takenUp: number;
      beforeShared: number;
    }>(sql`select
      (select count(distinct ${month("created_at")})::int from resources) as shared,
      (select count(distinct ${month("created_at")})::int from inquiries) as asked,
      (select count(*)::int from inquiries i join problems p on p.id = i.problem_id
        where i.status = 'accepted' and p.author_id = i.asker_id and i.created_at > p.created_at) as "takenUp",
      (select count(*)::int from inquiries i join resources r on r.id = i.resource_id
        where i.created_at < r.created_at) as "beforeShared"`);
    expect(spread.shared).toBeGreaterThanOrEqual(10);
    expect(spread.asked).toBeGreaterThanOrEqual(8);
    expect(spread.takenUp).toBeGreaterThanOrEqual(4);
    expect(spread.beforeShared).toBe(0);
  });

  it("leaves open reports of every kind in at least two alliances, by people who did not write the content", async () => {
    const open = await rows<{ kind: string; alliances: number; own: number; hidden: number }>(sql`
      select r.subject_type::text as kind, count(distinct r.alliance_id)::int as alliances,
        count(*) filter (where r.reporter_id = coalesce(p.author_id, pr.author_id, m.author_id, res.created_by_id))::int
          as own,
        count(*) filter (where coalesce(p.hidden_at, pr.hidden_at, m.hidden_at, res.hidden_at) is not null)::int
          as hidden
      from content_reports r
      left join problems p on r.subject_type = 'problem' and p.id = r.subject_id
      left join problem_replies pr on r.subject_type = 'problem_reply' and pr.id = r.subject_id
      left join channel_messages m on r.subject_type = 'channel_message' and m.id = r.subject_id
      left join resources res on r.subject_type = 'resource' and res.id = r.subject_id
      where r.status = 'open' and coalesce(p.id, pr.id, m.id, res.id) is not null
      group by r.subject_type order by 1`);
    expect(open.map((r) => r.kind)).toEqual(["channel_message", "problem", "problem_reply", "resource"]);
    for (const kind of open) {
      expect(kind.alliances, kind.kind).toBeGreaterThanOrEqual(2);
      expect(kind.own, kind.kind).toBe(0);
      expect(kind.hidden, kind.kind).toBe(0);
    }
  });

  it("computes the dashboard's figures from the seeded history right away", async () => {
    const [refresh] = await rows<{ at: string }>(sql`select refreshed_at::text as at from insight_refreshes`);
    expect(refresh).toBeDefined();
    const now = new Date();
    // The last twelve months, whatever month the test runs in.
    const to = shanghaiDay(now);
    const params = new URLSearchParams({ period: "custom", from: addDays(to, -364), to });
    const parsed = parsePeriod(params, now);
    expect(parsed.ok).toBe(true);
    const figures = await loadInsights(database.db, {
      scope: { allianceId: null },
      period: (parsed as Extract<typeof parsed, { ok: true }>).period,
      filters: { chainId: null },
      now,
    });
    expect(figures.refreshedAt).not.toBeNull();
    expect(figures.headline.problemsSolved).toBeGreaterThan(10);
    expect(figures.headline.medianFirstResponseHours).toBeGreaterThan(0);
    expect(figures.headline.medianSolutionDays).toBeGreaterThan(1);
    expect(figures.headline.attendanceRate).toBeGreaterThanOrEqual(0.6);
    expect(figures.headline.crossAllianceSolutions).toBeGreaterThan(0);
    expect(figures.headline.matchesTakenUp).toBeGreaterThan(0);
    expect(figures.series.filter((point) => point.problemsSolved > 0).length).toBeGreaterThanOrEqual(6);
  });

  it("changes nothing when seeded a second time", async () => {
    const before = await dump();
    const files = storedFiles();
    vi.mocked(hashPassword).mockClear();
    await seedDemoData(database.db, { dataDir });
    expect(await dump()).toEqual(before);
    expect(hashPassword).not.toHaveBeenCalled();
    expect(storedFiles()).toEqual(files);
  });

  it("leaves a non-empty database alone on start", async () => {
    const before = await dump();
    const log = stubLogger();
    await seedIfEmpty(database.db, log, { dataDir });
    expect(log.info).not.toHaveBeenCalled();
    expect(await dump()).toEqual(before);
  });

  it("restores only what is missing, announcing only the users it recreates", async () => {
    const before = await dump();
    await database.sql`delete from users where email = 'zhang.wei@demo.qilian.example'`;
    await database.sql`delete from chain_edges where to_node_id in (select id from chain_nodes where slug = 'robot-body')`;
    await database.sql`delete from alliance_chains`;
    vi.mocked(hashPassword).mockClear();
    await seedDemoData(database.db, { dataDir });
    expect(hashPassword).toHaveBeenCalledOnce();
    const after = await dump();
    // Logs (activity, audit, notifications) gain entries only for what was recreated; checked below.
    const logs = new Set(["activity", "audit_log", "notifications"]);
    for (const table of Object.keys(before)) {
      if (!logs.has(table)) expect(after[table].length, table).toBe(before[table].length);
    }
    const [zhang] = await database.sql<{ id: string; hash: string }[]>`
      select id, password_hash as hash from users where email = 'zhang.wei@demo.qilian.example'`;
    expect(await verifyPassword(zhang.hash, DEMO_PASSWORD)).toBe(true);
    // The old entry stays, its actor set to null by the delete; only ids past the old maximum are new.
    const lastId = Math.max(...before.activity.map((row) => JSON.parse(row).id));
    const added = after.activity.map((row) => JSON.parse(row)).filter((a) => a.id > lastId);
    // His sign-up on the platform feed and his joins in the alliances' feeds; nobody else's.
    expect(added.filter((a) => a.type === "user.joined").map((a) => a.actor_id)).toEqual([zhang.id]);
    expect(added.filter((a) => a.type === "member.joined").length).toBeGreaterThan(0);
    for (const a of added) expect(a.actor_id).toBe(zhang.id);
    // His memberships came back with their history; nobody else's history was written twice.
    const lastAudit = Math.max(...before.audit_log.map((row) => JSON.parse(row).id));
    const addedAudit = after.audit_log.map((row) => JSON.parse(row)).filter((a) => a.id > lastAudit);
    expect(addedAudit.length).toBeGreaterThan(0);
    for (const entry of addedAudit) {
      // An invitation names its invitee by email: the account did not exist when it was sent.
      expect(entry.subject_user_id ?? entry.data.email).toBe(
        entry.subject_user_id ? zhang.id : "zhang.wei@demo.qilian.example",
      );
    }
  });
});

function isAcyclic(ids: string[], edges: { from: string; to: string }[]): boolean {
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const e of edges) indegree.set(e.to, indegree.get(e.to)! + 1);
  const ready = ids.filter((id) => indegree.get(id) === 0);
  let visited = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    visited++;
    for (const e of edges.filter((x) => x.from === id)) {
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) ready.push(e.to);
    }
  }
  return visited === ids.length;
}

function isConnected(ids: string[], edges: { from: string; to: string }[]): boolean {
  const seen = new Set([ids[0]]);
  const queue = [ids[0]];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const e of edges) {
      const next = e.from === id ? e.to : e.to === id ? e.from : undefined;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size === ids.length;
}
