import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { activity } from "../../db/schema/index";
import type { Activity, LiveActivity, Realtime } from "~/realtime/types";
import { qualified, type Db, type DbOrTx, type Tx } from "~/utils/db.server";

export type ActivityInput = {
  topic: string;
  type: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  /** Only for imported history (the demo seed); live writes take the commit's time. */
  createdAt?: Date;
};
export type Publish = (event: ActivityInput) => void;

/** Namespace of the advisory locks that order activity ids per topic. */
const ACTIVITY_LOCK = 7_240_002;

/**
 * The transactional outbox (docs/decisions/0004-activity-log-for-real-time.md). `work` runs in one
 * transaction and may `publish` activities; they are written in the same transaction and emitted to
 * their topic's room only after it commits. Before inserting, the transaction takes a lock per topic
 * (in sorted order, so publishers never deadlock): ids then commit in id order within a topic, and a
 * client that remembers the last id it saw can never skip one that commits later. Under the same locks
 * each activity learns its topic's previous id, which lets clients notice a live event that overtook an
 * earlier one (READ COMMITTED: the lookup after the lock sees the previous holder's commit).
 */
export async function transact<T>(
  services: { db: Db; realtime: Realtime },
  work: (tx: Tx, publish: Publish) => Promise<T>,
): Promise<T> {
  let written: LiveActivity[] = [];
  const result = await services.db.transaction(async (tx) => {
    const queued: ActivityInput[] = [];
    const value = await work(tx, (event) => queued.push(event));
    written = await appendActivities(tx, queued);
    return value;
  });
  if (written.length > 0) services.realtime.emit(written);
  return result;
}

/**
 * Writes activities inside the caller's transaction under the per-topic locks, each linked to its
 * topic's previous id; the caller emits them after commit (transact does). Exported for writers with
 * no socket server, like the demo seed.
 */
export async function appendActivities(tx: Tx, events: readonly ActivityInput[]): Promise<LiveActivity[]> {
  if (events.length === 0) return [];
  const held = heldTopics.get(tx);
  await lockTopics(
    tx,
    events.map((e) => e.topic).filter((topic) => !held?.has(topic)),
  );
  // The previous id is read in the insert's own statement, after the locks: its snapshot sees the
  // previous holder's commit but not the rows this statement inserts.
  const rows = await tx
    .insert(activity)
    .values(
      events.map((e) => ({
        topic: e.topic,
        type: e.type,
        payload: e.payload ?? {},
        actorId: e.actorId ?? null,
        ...(e.createdAt ? { createdAt: e.createdAt } : {}),
      })),
    )
    .returning({
      id: activity.id,
      topic: activity.topic,
      type: activity.type,
      payload: activity.payload,
      actorId: activity.actorId,
      createdAt: activity.createdAt,
      before: sql<
        string | number | null
      >`(select max(p.id) from ${activity} p where p.topic = ${qualified(activity.topic)})`,
    });
  const prev = new Map<string, number>();
  return rows
    .sort((a, b) => a.id - b.id)
    .map(({ before, ...row }) => {
      const live = { ...toWire(row), prev: prev.get(row.topic) ?? Number(before ?? 0) };
      prev.set(row.topic, row.id);
      return live;
    });
}

/** The topics each open transaction has locked already: appendActivities need not lock them again. */
const heldTopics = new WeakMap<Tx, Set<string>>();

/**
 * Takes the per-topic locks appendActivities takes, in sorted order, and returns the topics sorted. A
 * writer that must order its own rows like the activities (channel messages' `seq`) takes its topic's
 * lock early (the transaction's appendActivities then skips it). Locked early, a topic must sort before
 * every other topic the transaction publishes to, or two writers could deadlock.
 */
export async function lockTopics(tx: Tx, topics: readonly string[]): Promise<string[]> {
  const sorted = [...new Set(topics)].sort();
  if (sorted.length === 0) return sorted;
  // One round trip; the ordered subquery (never flattened: it sorts) hands the topics over in order.
  const list = sql.join(
    sorted.map((topic) => sql`${topic}`),
    sql`, `,
  );
  await tx.execute(sql`select pg_advisory_xact_lock(${ACTIVITY_LOCK}, hashtext(t.topic))
    from (select topic from unnest(array[${list}]::text[]) with ordinality as u(topic, n) order by n) t`);
  const held = heldTopics.get(tx) ?? new Set<string>();
  for (const topic of sorted) held.add(topic);
  heldTopics.set(tx, held);
  return sorted;
}

/** What a client missed on a topic: activities after `afterId`, oldest first. */
export async function activitiesAfter(
  db: DbOrTx,
  topic: string,
  afterId: number,
  limit = 500,
): Promise<Activity[]> {
  const rows = await db
    .select()
    .from(activity)
    .where(and(eq(activity.topic, topic), gt(activity.id, afterId)))
    .orderBy(asc(activity.id))
    .limit(limit);
  return rows.map(toWire);
}

/** The newest activity id on a topic (0 when none): a page renders with it so its client can catch up from there. */
export async function latestActivityId(db: DbOrTx, topic: string): Promise<number> {
  const [row] = await db
    .select({ id: activity.id })
    .from(activity)
    .where(eq(activity.topic, topic))
    .orderBy(desc(activity.id))
    .limit(1);
  return row?.id ?? 0;
}

/** The newest activities on a topic, newest first: for feeds. */
export async function recentActivities(db: DbOrTx, topic: string, limit = 20): Promise<Activity[]> {
  const rows = await db
    .select()
    .from(activity)
    .where(eq(activity.topic, topic))
    .orderBy(desc(activity.id))
    .limit(limit);
  return rows.map(toWire);
}

function toWire(row: typeof activity.$inferSelect): Activity {
  return {
    id: row.id,
    topic: row.topic,
    type: row.type,
    payload: row.payload,
    actorId: row.actorId,
    createdAt: row.createdAt.toISOString(),
  };
}
