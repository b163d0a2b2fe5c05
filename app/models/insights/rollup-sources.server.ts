import { sql, type SQL } from "drizzle-orm";
import { dayOf, withAll, withAllOf } from "./grain.server";

/**
 * What `insight_daily` is summed from (ADR 0014). The CTEs fan each item out to its grains once; each
 * source then emits (day, alliance_id, chain_id, metric, n, v) rows, `v` being a median's input.
 */
export function grainCtes(now: Date): SQL {
  return sql`
    chains_of as (
      select alliance_id, array_agg(chain_id) as ids from alliance_chains group by alliance_id
    ), resource_grain as materialized (
      select r.id as resource_id, r.created_at, alliance.id as alliance_id, chain.id as chain_id
      from resources r
      left join (select resource_id, array_agg(alliance_id) as ids from resource_alliances
        group by resource_id) shared on shared.resource_id = r.id
      cross join lateral unnest(${withAllOf(sql`coalesce(shared.ids, '{}')`)}) as alliance(id)
      cross join lateral unnest(${withAllOf(sql`r.chain_ids`)}) as chain(id)
      where r.hidden_at is null
    ), problem_grain as materialized (
      select f.problem_id, f.chain_id, f.posted_day, f.solved_day, f.response_hours, f.solution_days,
        f.crosses_alliance, f.crosses_chain, alliance.id as grain_alliance_id
      from insight_problems f cross join lateral unnest(${withAll(sql`f.alliance_id`)}) as alliance(id)
    ), held as (
      select o.starts_at, e.alliance_id, coalesce(chains_of.ids, '{}') as chain_ids,
        coalesce(counted.registrations, 0) as registrations, coalesce(counted.attended, 0) as attended
      from event_occurrences o
      join events e on e.id = o.event_id
      left join chains_of on chains_of.alliance_id = e.alliance_id
      left join (select occurrence_id, count(*) as registrations,
          count(*) filter (where checked_in_at is not null) as attended
        from event_registrations where status = 'confirmed' group by occurrence_id
      ) counted on counted.occurrence_id = o.id
      where e.status = 'published' and o.status = 'scheduled'
        and o.starts_at < ${now.toISOString()}::timestamptz
    ), joined as (
      -- A person's earliest current membership in each grain: joining a second alliance is not
      -- joining the platform again.
      select min(m.joined_at) as joined_at, alliance.id as alliance_id, chain.id as chain_id
      from memberships m
      left join chains_of on chains_of.alliance_id = m.alliance_id
      cross join lateral unnest(${withAll(sql`m.alliance_id`)}) as alliance(id)
      cross join lateral unnest(${withAllOf(sql`coalesce(chains_of.ids, '{}')`)}) as chain(id)
      where m.status = 'active' and m.joined_at is not null
      group by m.user_id, alliance.id, chain.id
    )`;
}

export const sources: SQL[] = [
  sql`select v.day, g.grain_alliance_id, g.chain_id, v.metric, v.n, v.v
    from problem_grain g cross join lateral (values
      (g.posted_day, 'problems_posted', 1, g.response_hours),
      (g.solved_day, 'problems_solved', 1, g.solution_days),
      (g.solved_day, 'cross_alliance', g.crosses_alliance::int, null),
      (g.solved_day, 'cross_chain', g.crosses_chain::int, null)) as v(day, metric, n, v)
    where v.day is not null and v.n > 0`,
  sql`select ${dayOf(sql`a.created_at`)}, g.grain_alliance_id, g.chain_id, 'applications', 1, null
    from problem_applications a join problem_grain g on g.problem_id = a.problem_id`,
  sql`select ${dayOf(sql`e.created_at`)}, g.grain_alliance_id, g.chain_id, 'acceptances', 1, null
    from problem_events e join problem_grain g on g.problem_id = e.problem_id
    where e.kind = 'application_accepted'`,
  sql`select ${dayOf(sql`h.starts_at`)}, alliance.id, chain.id, v.metric, v.n, null
    from held h
    cross join lateral unnest(${withAll(sql`h.alliance_id`)}) as alliance(id)
    cross join lateral unnest(${withAllOf(sql`h.chain_ids`)}) as chain(id)
    cross join lateral (values ('events_held', 1::bigint), ('registrations', h.registrations),
      ('attended', h.attended)) as v(metric, n)`,
  sql`select ${dayOf(sql`g.created_at`)}, g.alliance_id, g.chain_id, 'resources_shared', 1, null
    from resource_grain g`,
  sql`select v.day, g.alliance_id, g.chain_id, v.metric, 1, null
    from inquiries i join resource_grain g on g.resource_id = i.resource_id
    cross join lateral (values (${dayOf(sql`i.created_at`)}, 'inquiries', true),
      (${dayOf(sql`i.decided_at`)}, 'matches_taken_up', i.status = 'accepted' and i.problem_id is not null)
    ) as v(day, metric, counts)
    where v.counts and v.day is not null`,
  sql`select ${dayOf(sql`j.joined_at`)}, j.alliance_id, j.chain_id, 'members_joined', 1, null from joined j`,
];
