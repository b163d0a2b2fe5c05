import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { refreshInsights } from "~/models/insights/refresh.server";
import { searchVector } from "~/search/tsquery.server";
import { connectDatabase, type Db } from "~/utils/db.server";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { searchCorpus } from "../../db/seed-data/search-corpus";
import { DEMO_PASSWORD } from "../../db/seed-data/users";
import { seedDemoData } from "../../db/seed";
import { problems } from "../../db/schema/index";
import { ensureBuild } from "../setup/build";
import { spawnServer, tempDataDir } from "../setup/spawn-server";
import { timeAndPrint, type Case } from "./latency-table";

/**
 * Issue 8: the admin dashboard over one million activity rows and 100,000 problems renders at p95 ≤
 * 200 ms, beside a fetch of 20 rows by primary key. The demo data plus three years of generated history
 * (problems with their nodes, replies, offers and timelines; events with ~100,000 registrations; 50,000
 * resources and inquiries; 5,000 more members; the activity log) in a throwaway embedded PostgreSQL;
 * then the rollups are rebuilt once, as the job queue does, and timed; then a real server (`npm start`,
 * background jobs off so no rebuild runs meanwhile) answers GETs as a signed-in platform admin, one at
 * a time. `npm run bench -- insights` runs it alone; BENCH_PROBLEMS (with the events, resources and
 * inquiries in proportion), BENCH_ACTIVITY and BENCH_ITERATIONS scale it.
 */
const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ACTIVITY = Number(process.env.BENCH_ACTIVITY ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** Events, resources and inquiries grow with the problems (the figures of the issue at 100,000). */
const scale = (n: number) => Math.max(10, Math.round((n * PROBLEMS) / 100_000));
const MEMBERS = 5_000;
const EVENTS = scale(2_000);
const RESOURCES = scale(50_000);
const INQUIRIES = scale(50_000);
const SPAN_DAYS = 3 * 365;
const WARM_UP = 20;
const TARGET_P95_MS = 200;

/** hashint4 spreads everything deterministically: `h(n, salt)` is a stable number in [0, 2^31). */
const h = (value: ReturnType<typeof sql>, salt: number) => sql`abs(hashint4(${value} + ${salt}))`;

async function fillPeople(db: Db): Promise<void> {
  await db.execute(sql`
    insert into users (id, email, display_name, password_hash, created_at, updated_at)
    select 'bench-member-' || g, 'bench-member-' || g || '@bench.invalid', '成员 ' || g, 'x',
      now() - (${h(sql`g`, 1)} % ${SPAN_DAYS}::int) * interval '1 day', now() - (${h(sql`g`, 1)} % ${SPAN_DAYS}::int) * interval '1 day'
    from generate_series(1, ${MEMBERS}::int) g`);
  // Three in five represent one of the demo's organizations.
  await db.execute(sql`
    insert into org_representatives (org_id, user_id, role)
    select o.ids[1 + ${h(sql`g`, 2)} % cardinality(o.ids)], 'bench-member-' || g, 'representative'
    from generate_series(1, ${MEMBERS}::int) g cross join (select array_agg(id order by slug) ids from organizations) o
    where ${h(sql`g`, 3)} % 5 < 3`);
  // One to three alliances each, joined over the three years; a tenth have left one since.
  await db.execute(sql`
    insert into memberships (alliance_id, user_id, role, status, joined_at, created_at, updated_at)
    select a.ids[1 + ${h(sql`g * 3 + k`, 4)} % cardinality(a.ids)], 'bench-member-' || g, 'member',
      (case when ${h(sql`g * 3 + k`, 5)} % 10 = 0 then 'left' else 'active' end)::membership_status,
      now() - (${h(sql`g * 3 + k`, 6)} % ${SPAN_DAYS}::int) * interval '1 day',
      now() - (${h(sql`g * 3 + k`, 6)} % ${SPAN_DAYS}::int) * interval '1 day', now()
    from generate_series(1, ${MEMBERS}::int) g cross join generate_series(0, 2) k
    cross join (select array_agg(id order by slug) ids from alliances) a
    where k <= ${h(sql`g`, 7)} % 3
    on conflict do nothing`);
}

/**
 * 100,000 problems over three years, each on one or two nodes with the corpus's segmented text, by bench
 * members; what became of each follows its age: a few days to four months from posting to an accepted
 * offer and on to the solution, so the newest are still open or in progress. Replies, offers and the
 * timeline go with them.
 */
async function fillProblems(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_corpus (n int primary key, title text, body text, search tsvector)
      on commit drop`);
    for (const [n, problem] of searchCorpus.entries())
      await tx.execute(
        sql`insert into bench_corpus values (${n}, ${problem.title}, ${problem.body}, ${searchVector(problem)})`,
      );
    await tx.execute(sql`create temp table bench_nodes on commit drop as
      select (row_number() over (order by c.slug, n.position) - 1)::int n, n.id, n.chain_id
      from chain_nodes n join chains c on c.id = n.chain_id`);
    await tx.execute(sql`create temp table bench_plan on commit drop as
      select g, md5('bench-insights' || g)::uuid id,
        'bench-member-' || (g % ${MEMBERS}::int + 1) author,
        'bench-member-' || ((g * 13 + 1) % ${MEMBERS}::int + 1) solver,
        'bench-member-' || ((g * 17 + 3) % ${MEMBERS}::int + 1) rival,
        case when ${h(sql`g`, 10)} % 9 = 0 then null else a.ids[1 + ${h(sql`g`, 11)} % cardinality(a.ids)] end alliance_id,
        posted, ${h(sql`g`, 12)} % 100 fate,
        posted + (1 + ${h(sql`g`, 13)} % 14) * interval '1 day' + (${h(sql`g`, 14)} % 10) * interval '1 hour' accepted_at,
        posted + (16 + ${h(sql`g`, 15)} % 110) * interval '1 day' done_at,
        ${h(sql`g`, 16)} % 4 replies, ${h(sql`g`, 17)} % 10 < 3 has_rival
      from generate_series(1, ${PROBLEMS}::int) g
      cross join (select array_agg(id order by slug) ids from alliances) a
      cross join lateral (select now() - (${PROBLEMS}::int - g) * (interval '1 day' * ${SPAN_DAYS}::int / ${PROBLEMS}::int)
        - (${h(sql`g`, 18)} % 3600) * interval '1 second' posted) p`);
    await tx.execute(sql`alter table bench_plan add column status problem_status`);
    await tx.execute(sql`update bench_plan set status = (case
      when fate < 25 or accepted_at > now() then 'open'
      when fate < 35 then case when done_at < now() then 'closed' else 'open' end
      when done_at > now() or fate < 50 then 'in_progress'
      else 'solved' end)::problem_status`);
    await tx.execute(sql`
      insert into problems (id, author_id, alliance_id, title, body, visibility, status, urgency, search,
        reply_count, application_count, created_at, updated_at)
      select p.id, p.author, p.alliance_id, c.title || ' #' || p.g, c.body,
        (case when p.alliance_id is not null and ${h(sql`p.g`, 19)} % 10 = 0 then 'alliance' else 'public' end)::problem_visibility,
        p.status, (array['low', 'normal', 'normal', 'high'])[1 + ${h(sql`p.g`, 20)} % 4]::problem_urgency, c.search,
        p.replies, case when p.status in ('in_progress', 'solved') then 1 + p.has_rival::int else 0 end,
        p.posted, p.posted
      from bench_plan p join bench_corpus c on c.n = p.g % ${searchCorpus.length}::int`);
    await tx.execute(sql`
      insert into problem_nodes (problem_id, node_id)
      select p.id, n.id from bench_plan p, (select count(*)::int c from bench_nodes) k, bench_nodes n
      where n.n = ${h(sql`p.g`, 21)} % k.c or (p.g % 2 = 0 and n.n = (${h(sql`p.g`, 21)} + 1) % k.c)`);
    await tx.execute(sql`
      update problems p set chain_ids = array(select distinct n.chain_id from problem_nodes pn
        join chain_nodes n on n.id = pn.node_id where pn.problem_id = p.id order by n.chain_id)
      where p.id in (select id from bench_plan)`);
    await tx.execute(sql`
      insert into problem_replies (problem_id, author_id, body, created_at)
      select p.id, 'bench-member-' || ((p.g * 7 + r * 31) % ${MEMBERS}::int + 1), '我们也遇到过，可以交流。',
        least(now(), p.posted + (r * r * 5 + ${h(sql`p.g + r`, 22)} % 30) * interval '1 hour')
      from bench_plan p cross join lateral generate_series(1, p.replies) r`);
    // The accepted offer (its organization, when the solver represents one) and, for some, a declined rival.
    await tx.execute(sql`
      insert into problem_applications (id, problem_id, applicant_id, org_id, approach, timeline, team, status,
        created_at, updated_at)
      select md5('bench-offer' || p.g || '/' || o.who)::uuid, p.id, o.applicant,
        (select r.org_id from org_representatives r where r.user_id = o.applicant order by r.org_id limit 1),
        '现场诊断后分两轮优化。', '三个月。', '工程师 3 名。', o.status::problem_application_status,
        p.accepted_at - interval '20 hours' + o.who * interval '3 hours', p.accepted_at
      from bench_plan p cross join lateral (values (0, p.solver, 'accepted'), (1, p.rival, 'declined')) o(who, applicant, status)
      where p.status in ('in_progress', 'solved') and (o.who = 0 or p.has_rival)`);
    await tx.execute(sql`
      insert into problem_events (problem_id, actor_id, kind, from_status, to_status, application_id, note, created_at)
      select p.id, p.author, e.kind::problem_event_kind, e.from_status::problem_status, e.to_status::problem_status,
        case when e.kind = 'posted' or e.to_status in ('solved', 'closed') then null
          else md5('bench-offer' || p.g || '/0')::uuid end,
        '', e.at
      from bench_plan p cross join lateral (values
        ('posted', null, 'open', p.posted, true),
        ('application_accepted', null, null, p.accepted_at, p.status in ('in_progress', 'solved')),
        ('status_changed', 'open', 'in_progress', p.accepted_at, p.status in ('in_progress', 'solved')),
        ('status_changed', 'in_progress', 'solved', p.done_at, p.status = 'solved'),
        ('status_changed', 'open', 'closed', p.done_at, p.status = 'closed')
      ) e(kind, from_status, to_status, at, happened)
      where e.happened
      order by e.at`);
  });
}

/** Events over three years (a tenth still to come), one date each, 20–80 registrations, most checking in. */
async function fillEvents(db: Db): Promise<void> {
  await db.execute(sql`
    insert into events (id, alliance_id, type, title, description, status, visibility, search, created_at, updated_at)
    select md5('bench-event' || g)::uuid, a.ids[1 + ${h(sql`g`, 30)} % cardinality(a.ids)],
      (array['seminar', 'academic_exchange', 'workshop', 'alliance_meeting', 'site_visit'])[1 + g % 5]::event_type,
      '产业链对接研讨会 #' || g, '', 'published', 'public', to_tsvector('simple', '产业链 对接 研讨会'),
      now() - interval '30 days', now() - interval '30 days'
    from generate_series(1, ${EVENTS}::int) g cross join (select array_agg(id order by slug) ids from alliances) a`);
  await db.execute(sql`
    insert into event_occurrences (id, event_id, starts_at, ends_at, original_starts_at, status)
    select md5('bench-occurrence' || g)::uuid, md5('bench-event' || g)::uuid, s.starts, s.starts + interval '2 hours', s.starts,
      (case when ${h(sql`g`, 31)} % 40 = 0 then 'cancelled' else 'scheduled' end)::event_occurrence_status
    from generate_series(1, ${EVENTS}::int) g
    cross join lateral (select now() - (${EVENTS}::int * 9 / 10 - g) * (interval '1 day' * ${SPAN_DAYS}::int / ${EVENTS}::int) starts) s`);
  await db.execute(sql`
    insert into event_registrations (occurrence_id, user_id, status, code, checked_in_at, queued_at, created_at, updated_at)
    select o.id, 'bench-member-' || ((g * 37 + r) % ${MEMBERS}::int + 1),
      (case when ${h(sql`g * 100 + r`, 32)} % 20 = 0 then 'cancelled'
        when ${h(sql`g * 100 + r`, 32)} % 20 = 1 then 'waitlisted' else 'confirmed' end)::event_registration_status,
      upper(substr(md5(g || '/' || r), 1, 8)),
      case when o.starts_at < now() and ${h(sql`g * 100 + r`, 32)} % 20 > 1 and ${h(sql`g * 100 + r`, 33)} % 100 < 76
        then o.starts_at + interval '5 minutes' end,
      o.starts_at - interval '3 days', o.starts_at - interval '3 days', o.starts_at - interval '3 days'
    from generate_series(1, ${EVENTS}::int) g
    join event_occurrences o on o.id = md5('bench-occurrence' || g)::uuid
    cross join lateral generate_series(1, 20 + ${h(sql`g`, 34)} % 61) r`);
  await db.execute(sql`
    update event_occurrences o set confirmed_count = (select count(*) from event_registrations r
      where r.occurrence_id = o.id and r.status = 'confirmed')
    where o.id in (select md5('bench-occurrence' || g)::uuid from generate_series(1, ${EVENTS}::int) g)`);
}

/** Resources over three years on one node each, most shared with an alliance; inquiries about them, some for a problem. */
async function fillCatalogue(db: Db): Promise<void> {
  await db.execute(sql`
    insert into resources (id, kind, title, description, org_id, visibility, terms, search, expires_on, created_at, updated_at)
    select md5('bench-resource' || g)::uuid,
      (array['result', 'product', 'service', 'dataset', 'document', 'equipment', 'lab_time'])[1 + g % 7]::resource_kind,
      '共享资源 #' || g, '', o.ids[1 + ${h(sql`g`, 40)} % cardinality(o.ids)],
      (case when ${h(sql`g`, 41)} % 10 = 0 then 'alliance' else 'public' end)::resource_visibility,
      (array['free', 'paid', 'negotiable'])[1 + ${h(sql`g`, 42)} % 3]::resource_terms,
      to_tsvector('simple', '共享 资源'), current_date + 365, c.shared, c.shared
    from generate_series(1, ${RESOURCES}::int) g
    cross join (select array_agg(id order by slug) ids from organizations) o
    cross join lateral (select now() - (${RESOURCES}::int - g) * (interval '1 day' * ${SPAN_DAYS}::int / ${RESOURCES}::int) shared) c`);
  await db.execute(sql`
    insert into resource_nodes (resource_id, node_id)
    select md5('bench-resource' || g)::uuid, n.ids[1 + ${h(sql`g`, 43)} % cardinality(n.ids)]
    from generate_series(1, ${RESOURCES}::int) g cross join (select array_agg(id order by id) ids from chain_nodes) n`);
  await db.execute(sql`
    update resources r set chain_ids = array(select distinct n.chain_id from resource_nodes rn
      join chain_nodes n on n.id = rn.node_id where rn.resource_id = r.id)
    where r.id in (select md5('bench-resource' || g)::uuid from generate_series(1, ${RESOURCES}::int) g)`);
  await db.execute(sql`
    insert into resource_alliances (resource_id, alliance_id)
    select md5('bench-resource' || g)::uuid, a.ids[1 + ${h(sql`g`, 44)} % cardinality(a.ids)]
    from generate_series(1, ${RESOURCES}::int) g cross join (select array_agg(id order by slug) ids from alliances) a
    where ${h(sql`g`, 45)} % 10 < 7`);
  await db.execute(sql`
    insert into inquiries (resource_id, asker_id, problem_id, message, intended_use, status, decided_at, created_at, updated_at)
    select r.id, 'bench-member-' || (g % ${MEMBERS}::int + 1),
      case when s.status = 'accepted' and ${h(sql`g`, 46)} % 5 = 0
        then md5('bench-insights' || (1 + ${h(sql`g`, 47)} % ${PROBLEMS}::int))::uuid end,
      '想了解合作方式。', '试点验证。', s.status::inquiry_status,
      case when s.status in ('accepted', 'declined', 'withdrawn') then least(now(), r.created_at + interval '12 days') end,
      least(now(), r.created_at + interval '5 days'), least(now(), r.created_at + interval '12 days')
    from generate_series(1, ${INQUIRIES}::int) g
    join resources r on r.id = md5('bench-resource' || (1 + ${h(sql`g`, 48)} % ${RESOURCES}::int))::uuid
    cross join lateral (select (array['open', 'answered', 'accepted', 'accepted', 'declined', 'withdrawn'])
      [1 + ${h(sql`g`, 49)} % 6] status) s
    on conflict do nothing`);
  await db.execute(sql`
    update resources r set inquiry_count = (select count(*) from inquiries i where i.resource_id = r.id)
    where r.id in (select md5('bench-resource' || g)::uuid from generate_series(1, ${RESOURCES}::int) g)`);
}

/** The activity log: a million domain events over three years on the topics and types the app publishes. */
async function fillActivity(db: Db): Promise<void> {
  await db.execute(sql`
    insert into activity (topic, type, payload, actor_id, created_at)
    select case t.k when 0 then 'platform' when 1 then 'board'
        when 2 then 'alliance:' || a.ids[1 + ${h(sql`g`, 50)} % cardinality(a.ids)]
        when 3 then 'problem:' || md5('bench-insights' || (1 + ${h(sql`g`, 51)} % ${PROBLEMS}::int))::uuid
        when 4 then 'event:' || md5('bench-event' || (1 + ${h(sql`g`, 52)} % ${EVENTS}::int))::uuid
        else 'user:bench-member-' || (1 + ${h(sql`g`, 53)} % ${MEMBERS}::int) end,
      (array['user.joined', 'problem.posted', 'member.joined', 'problem.replied', 'event.seats', 'notification.new'])[1 + t.k],
      jsonb_build_object('n', g), 'bench-member-' || (1 + g % ${MEMBERS}::int),
      now() - (${ACTIVITY}::int - g) * (interval '1 day' * ${SPAN_DAYS}::int / ${ACTIVITY}::int)
    from generate_series(1, ${ACTIVITY}::int) g
    cross join lateral (select ${h(sql`g`, 54)} % 6 k) t
    cross join (select array_agg(id order by slug) ids from alliances) a`);
}

/** Three years of history over the seeded demo, then autovacuum's steady state, which a rebuild every ten minutes runs against. */
export async function fillInsightsHistory(db: Db): Promise<void> {
  await fillPeople(db);
  await fillProblems(db);
  await fillEvents(db);
  await fillCatalogue(db);
  await fillActivity(db);
  await db.execute(sql`vacuum analyze`);
}

/** A session cookie for the demo's platform admin, through the login form as a browser sends it. */
async function adminCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body: new URLSearchParams({ email: "admin@demo.qilian.example", password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((line) => line.startsWith("qilian_session="));
  if (res.status !== 303 || !cookie) throw new Error(`admin login failed: HTTP ${res.status}`);
  return cookie.split(";")[0];
}

/** One GET on a kept-alive connection, gzipped as a browser asks for it, read to the end; anything but 200 stops the bench. */
function getter(base: string, cookie: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (path: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(
          `${base}${path}`,
          { agent, headers: { cookie, "accept-language": "zh-CN", "accept-encoding": "gzip" } },
          (res) => {
            let bytes = 0;
            res.on("data", (chunk: Buffer) => (bytes += chunk.length));
            res.on("end", () =>
              res.statusCode === 200
                ? resolve(bytes)
                : reject(new Error(`GET ${path}: HTTP ${res.statusCode}`)),
            );
          },
        )
        .on("error", reject);
    });
}

export async function benchInsights(): Promise<void> {
  ensureBuild();
  const dataDir = tempDataDir("qilian-bench-insights-");
  const embedded = await startEmbeddedPostgres({ dir: tempDataDir("qilian-bench-pg-"), ephemeral: true });
  const database = connectDatabase(embedded.url, { max: 4 });
  let server: Awaited<ReturnType<typeof spawnServer>> | undefined;
  try {
    const { db } = database;
    const prepared = performance.now();
    await migrateDatabase(embedded.url);
    await seedDemoData(db);
    await fillInsightsHistory(db);
    const seconds = ((performance.now() - prepared) / 1000).toFixed(0);
    const refreshes: number[] = [];
    for (let i = 0; i < 3; i++) refreshes.push((await refreshInsights(db, new Date())).ms);

    server = await spawnServer({
      DATABASE_URL: embedded.url,
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      BACKGROUND_JOBS: "false",
      LOG_LEVEL: "error",
    });
    const get = getter(server.url, await adminCookie(server.url));
    const ids = (
      await db.execute<{ id: string }>(sql`select id from problems order by md5(id::text) limit 4000`)
    ).map((row) => row.id);
    const [alliance] = await db.execute<{ slug: string }>(sql`
      select a.slug from alliances a join problems p on p.alliance_id = a.id
      group by a.slug order by count(*) desc, a.slug limit 1`);
    const year = new Date().getFullYear();
    const months = Array.from({ length: 36 }, (_, i) => {
      const d = new Date(Date.UTC(year, new Date().getMonth() - i, 1));
      return d.toISOString().slice(0, 7);
    });
    const cases: Case[] = [
      {
        name: "20 rows by primary key",
        run: (i) =>
          db
            .select()
            .from(problems)
            .where(inArray(problems.id, ids.slice((i * 20) % 3980, ((i * 20) % 3980) + 20))),
      },
      { name: "GET /healthz (HTTP floor)", run: () => get("/healthz") },
      { name: "GET /admin?period=year", run: () => get(`/admin?period=year&year=${year}`) },
      {
        name: "GET /admin?period=month, 36 months in turn",
        run: (i) => get(`/admin?period=month&month=${months[i % months.length]}`),
      },
      {
        name: "GET /admin, custom: three years",
        run: () => get(`/admin?period=custom&from=${year - 2}-01-01&to=${year}-12-31`),
      },
      {
        name: `GET /alliances/${alliance.slug}/insights?period=year`,
        run: () => get(`/alliances/${alliance.slug}/insights?period=year&year=${year}`),
      },
      {
        name: "GET /admin/insights.csv?table=byChain (year)",
        run: () => get(`/admin/insights.csv?table=byChain&period=year&year=${year}`),
      },
      {
        name: "GET /admin/insights.csv?table=collaborations (year)",
        run: () => get(`/admin/insights.csv?table=collaborations&period=year&year=${year}`),
      },
    ];

    const [counts] = await db.execute<Record<string, number>>(sql`select
      (select count(*)::int from problems) problems, (select count(*)::int from activity) activity,
      (select count(*)::int from event_registrations) registrations, (select count(*)::int from resources) resources,
      (select count(*)::int from inquiries) inquiries, (select count(*)::int from memberships) memberships`);
    const loadBefore = os.loadavg()[0];
    await timeAndPrint(cases, {
      warmUp: WARM_UP,
      iterations: ITERATIONS,
      targetP95Ms: TARGET_P95_MS,
      heading: () =>
        `insights: ${counts.problems} problems, ${counts.activity} activity rows, ${counts.registrations} ` +
        `registrations, ${counts.resources} resources, ${counts.inquiries} inquiries, ${counts.memberships} ` +
        `memberships (prepared in ${seconds} s); rollup rebuild ${refreshes.join(" / ")} ms (3 runs); ` +
        `a real server, signed in as the platform admin, ${ITERATIONS} runs after ${WARM_UP} warm-up, one at a ` +
        `time; target p95 ≤ ${TARGET_P95_MS} ms; load average ${loadBefore.toFixed(1)} → ` +
        `${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    });
  } catch (error) {
    if (server) console.error(server.output());
    throw error;
  } finally {
    await server?.stop();
    await database.close();
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
