import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { register } from "~/models/event-registrations.server";
import type { Realtime } from "~/realtime/types";
import { connectDatabase, type Db } from "~/utils/db.server";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { eventOccurrences, eventRegistrations, events } from "../../db/schema/index";
import { tempDataDir } from "../setup/spawn-server";

/**
 * Issue 5: 500 people register at once for 100 seats. Each round calls the app's own `register` (the
 * occurrence's row lock, the counter, the FIFO waitlist, the activity row of the live seat count) 500
 * times concurrently through the server's pool size, then does the same number of plain single-row
 * inserts into a table with no locks or triggers as the baseline; latency is measured from the moment
 * all 500 are started, so it includes waiting for a pooled connection and for the lock. Sockets are not
 * part of it: emitting the committed activities is a no-op here. A last row registers people one at a
 * time: since one occurrence's registrations queue on its lock, the concurrent p99 is about the
 * registrants times that.
 * `npm run bench -- registrations` runs it alone. BENCH_REGISTRANTS, BENCH_SEATS and BENCH_ROUNDS scale it.
 */
const REGISTRANTS = Number(process.env.BENCH_REGISTRANTS ?? 500);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The server's own pool size (connectDatabase's default). */
const POOL = 10;

const silent: Realtime = {
  emit: () => {},
  disconnectSession: () => {},
  disconnectUser: () => {},
  leaveRooms: () => {},
};

type Figures = { p50: number; p99: number; max: number };

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

async function timed<T>(runs: (() => Promise<T>)[]): Promise<{ results: T[]; ms: number[] }> {
  const start = performance.now();
  const ms: number[] = [];
  const results = await Promise.all(
    runs.map(async (run, i) => {
      const value = await run();
      ms[i] = performance.now() - start;
      return value;
    }),
  );
  return { results, ms };
}

async function makeRegistrants(db: Db): Promise<{ id: string; displayName: string }[]> {
  return db.execute<{ id: string; displayName: string }>(sql`
    insert into users (id, email, display_name, password_hash)
    select 'bench-reg-' || g, 'bench-reg-' || g || '@bench.invalid', 'Registrant ' || g, 'x'
    from generate_series(1, ${REGISTRANTS}::int) g
    returning id, display_name as "displayName"`);
}

async function makeOccurrence(db: Db, round: number): Promise<string> {
  const [host] = await db.execute<{ id: string }>(sql`select id from alliances order by slug limit 1`);
  const starts = new Date(Date.now() + (30 + round) * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      allianceId: host.id,
      title: `Bench seminar ${round}`,
      capacity: SEATS,
      status: "published",
      venueName: "Bench hall",
      search: sql`''::tsvector`,
    })
    .returning({ id: events.id });
  const [occurrence] = await db
    .insert(eventOccurrences)
    .values({
      eventId: event.id,
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 2 * 3_600_000),
      originalStartsAt: starts,
    })
    .returning({ id: eventOccurrences.id });
  return occurrence.id;
}

export async function benchRegistrations(): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dir: tempDataDir("qilian-bench-pg-"), ephemeral: true });
  const database = connectDatabase(embedded.url, { max: POOL });
  const { db } = database;
  try {
    await migrateDatabase(embedded.url);
    await seedDemoData(db);
    const people = await makeRegistrants(db);
    await db.execute(sql`create table bench_plain (id bigserial primary key, occurrence_id uuid not null,
      user_id text not null, created_at timestamptz not null default now())`);
    const services = { db, realtime: silent };

    const ours: Figures[] = [];
    const plain: Figures[] = [];
    const alone: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const occurrenceId = await makeOccurrence(db, round);
      const run = await timed(people.map((person) => () => register(services, { id: occurrenceId }, person)));
      const confirmed = run.results.filter((r) => r.ok && r.status === "confirmed").length;
      const waitlisted = run.results.filter((r) => r.ok && r.status === "waitlisted").length;
      const [stored] = await db
        .select({
          confirmed: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'confirmed')::int`,
          counter: sql<number>`max(${eventOccurrences.confirmedCount})::int`,
        })
        .from(eventRegistrations)
        .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRegistrations.occurrenceId))
        .where(eq(eventRegistrations.occurrenceId, occurrenceId));
      if (
        confirmed !== SEATS ||
        waitlisted !== REGISTRANTS - SEATS ||
        stored.confirmed !== SEATS ||
        stored.counter !== SEATS
      ) {
        throw new Error(
          `round ${round}: ${confirmed} confirmed, ${waitlisted} waitlisted, ${stored.confirmed} stored, counter ${stored.counter}`,
        );
      }
      ours.push(figures(run.ms));

      const base = await timed(
        people.map(
          (person) => () =>
            db.execute(
              sql`insert into bench_plain (occurrence_id, user_id) values (${occurrenceId}, ${person.id})`,
            ),
        ),
      );
      plain.push(figures(base.ms));

      // The same registrations one after another: what one holder of the occurrence's lock costs.
      const quiet = await makeOccurrence(db, ROUNDS + round);
      const single: number[] = [];
      for (const person of people.slice(0, SEATS)) {
        const start = performance.now();
        await register(services, { id: quiet }, person);
        single.push(performance.now() - start);
      }
      alone.push(figures(single));
    }

    const median = (list: Figures[], key: keyof Figures) =>
      [...list.map((f) => f[key])].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    console.log(
      `\n${REGISTRANTS} concurrent registrations for ${SEATS} seats, pool of ${POOL} connections, ` +
        `${ROUNDS} rounds (medians): exactly ${SEATS} confirmed and ${REGISTRANTS - SEATS} waitlisted in every round\n`,
    );
    const rows = [
      ["register (row lock, counter, waitlist, activity)", ours],
      ["plain single-row insert (baseline)", plain],
      [`register, ${SEATS} one after another (each alone)`, alone],
    ] as const;
    const header = ["case", "p50 ms", "p99 ms", "max ms"];
    const cells = rows.map(([name, list]) => [
      name,
      median(list, "p50").toFixed(1),
      median(list, "p99").toFixed(1),
      median(list, "max").toFixed(1),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
    for (const row of [header, widths.map((w) => "-".repeat(w)), ...cells]) {
      console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(" | "));
    }
  } finally {
    await database.close();
    await embedded.stop();
  }
}
