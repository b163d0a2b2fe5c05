import { sql } from "drizzle-orm";
import type { Tx } from "~/utils/db.server";
import { dayOf, withAll, withAllOf } from "./grain.server";

/**
 * Fills `insight_problems`: one row per visible problem and chain grain, with the times the medians
 * need and who solved it. Each input is aggregated once with a hash join rather than probed per
 * problem, so 100,000 problems cost a few scans.
 *
 * - First response: the earliest visible reply by someone other than the poster, or the earliest
 *   application, whichever came first.
 * - Solved: a problem whose status is "solved" now, at its latest change to "solved" (reopening it
 *   takes it out again; a solved problem can only be reopened).
 * - Solver: the organization of the accepted application (null when the applicant applied in their own
 *   name). Crosses the alliance when the applicant is not an active member of the problem's alliance;
 *   crosses the chain when the solver organization has no position on any node of the problem's chains.
 * - Poster organization: the first one the author represents (a person may represent several).
 * Hidden problems count nowhere: moderation took them off the board as not belonging there.
 */
export async function buildProblemFacts(tx: Tx): Promise<void> {
  await tx.execute(sql`
    insert into insight_problems (problem_id, chain_id, alliance_id, posted_day, response_hours,
      solved_at, solved_day, solution_days, poster_org_id, solver_org_id, crosses_alliance, crosses_chain)
    with replied as (
      select r.problem_id, min(r.created_at) as at
      from problem_replies r join problems p on p.id = r.problem_id
      where r.hidden_at is null and r.author_id <> p.author_id
      group by r.problem_id
    ), applied as (
      select problem_id, min(created_at) as at from problem_applications group by problem_id
    ), solved as (
      select problem_id, max(created_at) as at from problem_events
      where kind = 'status_changed' and to_status = 'solved'
      group by problem_id
    ), poster_org as (
      select distinct on (user_id) user_id, org_id from org_representatives
      order by user_id, created_at, org_id
    ), facts as (
      select p.id, p.alliance_id, p.chain_ids, p.created_at,
        least(replied.at, applied.at) as first_response_at,
        case when p.status = 'solved' then solved.at end as solved_at,
        poster_org.org_id as poster_org_id, accepted.org_id as solver_org_id, accepted.applicant_id
      from problems p
      left join replied on replied.problem_id = p.id
      left join applied on applied.problem_id = p.id
      left join solved on solved.problem_id = p.id
      left join poster_org on poster_org.user_id = p.author_id
      left join problem_applications accepted on accepted.problem_id = p.id and accepted.status = 'accepted'
      where p.hidden_at is null
    )
    select f.id, grain.chain_id, f.alliance_id, ${dayOf(sql`f.created_at`)},
      extract(epoch from f.first_response_at - f.created_at) / 3600,
      f.solved_at, ${dayOf(sql`f.solved_at`)}, extract(epoch from f.solved_at - f.created_at) / 86400,
      f.poster_org_id, f.solver_org_id,
      f.solved_at is not null and f.alliance_id is not null and f.applicant_id is not null
        and not exists (select 1 from memberships m
          where m.alliance_id = f.alliance_id and m.user_id = f.applicant_id and m.status = 'active'),
      f.solved_at is not null and f.solver_org_id is not null and cardinality(f.chain_ids) > 0
        and not exists (select 1 from org_positions op join chain_nodes cn on cn.id = op.node_id
          where op.org_id = f.solver_org_id and cn.chain_id = any(f.chain_ids))
    from facts f cross join lateral unnest(${withAllOf(sql`f.chain_ids`)}) as grain(chain_id)`);
}

/** Fills `insight_node_daily` from the facts: posted and solved per day at each node, per alliance and in all. */
export async function buildNodeDaily(tx: Tx): Promise<void> {
  await tx.execute(sql`
    insert into insight_node_daily (day, alliance_id, chain_id, node_id, problems_posted, problems_solved)
    select counted.day, alliance.id, cn.chain_id, pn.node_id, sum(counted.posted), sum(counted.solved)
    from insight_problems f
    join problem_nodes pn on pn.problem_id = f.problem_id
    join chain_nodes cn on cn.id = pn.node_id
    cross join lateral (values (f.posted_day, 1, 0), (f.solved_day, 0, 1)) as counted(day, posted, solved)
    cross join lateral unnest(${withAll(sql`f.alliance_id`)}) as alliance(id)
    where f.chain_id is null and counted.day is not null
    group by counted.day, alliance.id, cn.chain_id, pn.node_id`);
}
