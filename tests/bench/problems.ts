import { timeAndPrint, type Case } from "./latency-table";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { listProblems } from "~/models/problem-board.server";
import { searchProblems } from "~/models/problem-search.server";
import { searchVector } from "~/search/tsquery.server";
import { connectDatabase, type Db } from "~/utils/db.server";
import type { Viewer } from "~/utils/permissions.server";
import { parseBoardQuery } from "~/validation/problem";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { searchCorpus } from "../../db/seed-data/search-corpus";
import { seedDemoData } from "../../db/seed";
import { problems } from "../../db/schema/index";
import { tempDataDir } from "../setup/spawn-server";

/**
 * The problem board at 100,000 problems (issue 4: board page and selective search at p95 ≤ 50 ms, beside a
 * fetch of 20 rows by primary key). Each case calls the board's own `listProblems` (or the search page's
 * `searchProblems`), both queries of it, as a member of two alliances, in one process against a throwaway
 * embedded PostgreSQL.
 * `npm run bench` runs it after the HTTP scenarios; `npm run bench -- problems` runs it alone. BENCH_PROBLEMS
 * and BENCH_ITERATIONS scale it.
 */
const PROBLEMS = Number(process.env.BENCH_PROBLEMS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARM_UP = 20;
const TARGET_P95_MS = 50;

/**
 * Problems made in SQL from the demo's users, alliances and nodes: each reuses the segmented search
 * vector, body and tags of a corpus problem under its own title. hashint4 spreads them deterministically:
 * 1 in 9 posted to all alliances, ~10 % alliance-only, half open, a fifth urgent, a few hidden, endorsement
 * and reply counts skewed towards zero, one year of history.
 */
export async function fillBoard(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_corpus (n int primary key, body text, tags text[], search tsvector)
      on commit drop`);
    for (const [n, problem] of searchCorpus.entries()) {
      await tx.execute(sql`insert into bench_corpus values (${n}, ${problem.body},
        array[${sql.join(
          problem.tags.map((tag) => sql`${tag}`),
          sql`, `,
        )}]::text[], ${searchVector(problem)})`);
    }
    await tx.execute(sql`create temp table bench_titles on commit drop as
      select n, title from (values ${sql.join(
        searchCorpus.map((problem, n) => sql`(${n}::int, ${problem.title})`),
        sql`, `,
      )}) t(n, title)`);
    await tx.execute(sql`create temp table bench_nodes on commit drop as
      select (row_number() over (order by c.slug, n.position) - 1)::int n, n.id
      from chain_nodes n join chains c on c.id = n.chain_id`);
    await tx.execute(sql`
      insert into problems (id, author_id, alliance_id, title, body, visibility, status, urgency, deadline, search,
        endorsement_count, reply_count, application_count, hidden_at, hidden_reason, created_at, updated_at)
      select md5('bench' || g)::uuid, u.ids[1 + abs(h1) % cardinality(u.ids)],
        case when abs(h1) % 9 = 0 then null else a.ids[1 + abs(h2) % cardinality(a.ids)] end,
        t.title || (array['', '（续）', '：求合作', '，寻求联合攻关', '（二期）'])[1 + abs(h2) % 5]
          || '·' || (array['天津', '滨海新区', '武清', '西青', '津南', 'Tianjin'])[1 + abs(h3) % 6] || ' #' || g,
        c.body,
        (case when abs(h1) % 9 <> 0 and abs(h3) % 100 < 11 then 'alliance' else 'public' end)::problem_visibility,
        (case when abs(h2) % 100 < 50 then 'open' when abs(h2) % 100 < 70 then 'in_progress'
              when abs(h2) % 100 < 90 then 'solved' else 'closed' end)::problem_status,
        (case when abs(h3) % 100 < 25 then 'low' when abs(h3) % 100 < 80 then 'normal' else 'high' end)::problem_urgency,
        case when abs(h2) % 100 < 50 and abs(h1) % 3 = 0 then now() + (abs(h3) % 120 + 1) * interval '1 day' end,
        c.search,
        (power((abs(h1) % 1000) / 1000.0, 6) * 60)::int,
        (power((abs(h2) % 1000) / 1000.0, 4) * 12)::int,
        case when abs(h2) % 100 < 70 then (power((abs(h3) % 1000) / 1000.0, 5) * 8)::int else 0 end,
        case when abs(h3) % 500 = 0 then now() end,
        case when abs(h3) % 500 = 0 then 'spam' end,
        now() - (${PROBLEMS}::int - g) * interval '5 minutes' - abs(h3) % 300 * interval '1 second',
        now() - (${PROBLEMS}::int - g) * interval '5 minutes'
      from generate_series(1, ${PROBLEMS}::int) g
      cross join lateral (select hashint4(g) h1, hashint4(g + 7777777) h2, hashint4(g + 15555555) h3) h
      cross join (select array_agg(id order by email) ids from users) u
      cross join (select array_agg(id order by slug) ids from alliances) a
      join bench_corpus c on c.n = g % ${searchCorpus.length}::int
      join bench_titles t on t.n = c.n`);
    // One node for every problem, a second (its neighbour, usually in the same chain) for half of them.
    await tx.execute(sql`
      insert into problem_nodes (problem_id, node_id)
      select md5('bench' || g)::uuid, n.id
      from generate_series(1, ${PROBLEMS}::int) g, (select count(*)::int c from bench_nodes) k, bench_nodes n
      where n.n = abs(hashint4(g + 31)) % k.c
         or (g % 2 = 0 and n.n = (abs(hashint4(g + 31)) + 1) % k.c)`);
    // As setProblemNodes keeps it for every problem the app writes.
    await tx.execute(sql`
      update problems p set chain_ids = array(
        select distinct n.chain_id from problem_nodes pn join chain_nodes n on n.id = pn.node_id
        where pn.problem_id = p.id order by n.chain_id)
      where p.id in (select md5('bench' || g)::uuid from generate_series(1, ${PROBLEMS}::int) g)`);
    await tx.execute(sql`
      insert into problem_tags (problem_id, tag)
      select md5('bench' || g)::uuid, unnest(c.tags)
      from generate_series(1, ${PROBLEMS}::int) g join bench_corpus c on c.n = g % ${searchCorpus.length}::int
      on conflict do nothing`);
  });
  await db.execute(sql`analyze`);
}

/** A non-admin who is an active member of exactly two alliances, and those alliances' slugs. */
export async function memberOfTwo(db: Db): Promise<{ viewer: Viewer; alliances: string[] }> {
  const [row] = await db.execute<{ id: string; slugs: string[] }>(sql`
    select u.id, array_agg(a.slug order by a.slug) slugs
    from users u join memberships m on m.user_id = u.id and m.status = 'active'
    join alliances a on a.id = m.alliance_id
    where u.platform_role is null
    group by u.id having count(*) = 2 order by min(u.email) limit 1`);
  if (!row) throw new Error("the demo data has no member of exactly two alliances");
  return { viewer: { id: row.id, platformRole: null }, alliances: row.slugs };
}

export async function benchProblems(): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dir: tempDataDir("qilian-bench-pg-"), ephemeral: true });
  const database = connectDatabase(embedded.url, { max: 4 });
  try {
    const { db } = database;
    const prepared = performance.now();
    await migrateDatabase(embedded.url);
    await seedDemoData(db);
    await fillBoard(db);
    const seconds = ((performance.now() - prepared) / 1000).toFixed(0);

    const { viewer, alliances } = await memberOfTwo(db);
    const [{ chain }] = await db.execute<{ chain: string }>(sql`
      select c.slug chain from chains c join chain_nodes n on n.chain_id = c.id
      join problem_nodes pn on pn.node_id = n.id group by c.slug order by count(*) desc, c.slug limit 1`);
    const ids = (
      await db.execute<{ id: string }>(sql`select id from problems order by md5(id::text) limit 4000`)
    ).map((row) => row.id);
    const board = (params: Record<string, string>) => {
      const query = parseBoardQuery(new URLSearchParams(params));
      return () => listProblems(db, viewer, query);
    };
    const cases: Case[] = [
      {
        name: "20 rows by primary key",
        run: (i) =>
          db
            .select()
            .from(problems)
            .where(inArray(problems.id, ids.slice((i * 20) % 3980, ((i * 20) % 3980) + 20))),
      },
      { name: `board: status=open, chain=${chain}`, run: board({ status: "open", chain }) },
      {
        name: `board: alliance=${alliances[0]}, urgency=high`,
        run: board({ alliance: alliances[0], urgency: "high" }),
      },
      { name: "board: sort=endorsed, status=open", run: board({ sort: "endorsed", status: "open" }) },
      { name: "board search: 光刻 (two-character Chinese)", run: board({ q: "光刻" }) },
      { name: "board search: calibration (English)", run: board({ q: "calibration" }) },
      {
        name: "search page (ranked): 光刻",
        run: () => searchProblems(db, viewer, parseBoardQuery(new URLSearchParams({ q: "光刻" })), 1),
      },
    ];

    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int n from problems`);
    // Other work on the machine shows in the figures: the 1-minute load is printed with them.
    const loadBefore = os.loadavg()[0];
    await timeAndPrint(cases, {
      warmUp: WARM_UP,
      iterations: ITERATIONS,
      targetP95Ms: TARGET_P95_MS,
      heading: () =>
        `problem board: ${n} problems (prepared in ${seconds} s), viewer in ${alliances.join(" + ")}, ` +
        `${ITERATIONS} runs after ${WARM_UP} warm-up, one at a time; target p95 ≤ ${TARGET_P95_MS} ms; ` +
        `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    });
  } finally {
    await database.close();
    await embedded.stop();
  }
}
