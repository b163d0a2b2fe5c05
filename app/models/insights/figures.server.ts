import type { DbOrTx } from "~/utils/db.server";
import { listChains, type ChainSummary } from "../chains.server";
import { sumsByAlliance, sumsByChain, sumsByNode, type NodeSums } from "./breakdowns.server";
import { listAllianceEntries, type AllianceEntry } from "./catalogue.server";
import { loadCollaborations } from "./collaborations.server";
import { ALL_CHAINS, loadMedians, noMedians, type Medians } from "./medians.server";
import { loadMembers, memberKey, noMembers, type MemberCounts } from "./members.server";
import { lastRefresh } from "./refresh.server";
import type { Reading } from "./scope.server";
import { loadDays, noSums, type DailySums } from "./totals.server";
import type { AllianceRow, ChainRow, Headline, HeatCell, Insights } from "./types";
import { loadNodeCounts, weakLinkRows } from "./weak-links.server";

/**
 * Everything the dashboard shows for a scope, period and filter, read from the rollups the
 * `insights.refresh` job builds (ADR 0014). Its statements go out together:
 * the cost is the slowest of them, not their sum. `now` is accepted for the contract's symmetry with
 * the refresh; the figures are as of `refreshedAt`.
 */
export async function loadInsights(db: DbOrTx, input: Reading & { now: Date }): Promise<Insights> {
  const { scope, period, filters } = input;
  const reading: Reading = { scope, period, filters };
  const [
    chains,
    alliances,
    days,
    chainSums,
    allianceSums,
    nodeSums,
    members,
    medians,
    collaborations,
    nodeCounts,
    refreshedAt,
  ] = await Promise.all([
    listChains(db),
    listAllianceEntries(db),
    loadDays(db, reading),
    sumsByChain(db, reading),
    sumsByAlliance(db, reading),
    sumsByNode(db, reading),
    loadMembers(db),
    loadMedians(db, reading),
    loadCollaborations(db, reading),
    loadNodeCounts(db),
    lastRefresh(db),
  ]);

  const scopeAlliance = scope.allianceId ? alliances.find((a) => a.id === scope.allianceId) : undefined;
  // An alliance sees its own chains and any other chain its problems or resources reached.
  const scopeChains = chains.filter(
    (chain) => !scope.allianceId || scopeAlliance?.chainIds.includes(chain.id) || chainSums.has(chain.id),
  );
  const shownChains = scopeChains.filter((chain) => !filters.chainId || chain.id === filters.chainId);
  const member = (allianceId: string | null, chainId: string | null) =>
    members.get(memberKey(allianceId, chainId)) ?? noMembers();

  return {
    period,
    scope,
    filters,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    headline: headline(
      days.totals,
      member(scope.allianceId, filters.chainId),
      medians.get(ALL_CHAINS) ?? noMedians(),
    ),
    series: days.series,
    byChain: shownChains.map((chain) =>
      chainRow(
        chain,
        chainSums.get(chain.id) ?? noSums(),
        member(scope.allianceId, chain.id),
        medians.get(chain.id) ?? noMedians(),
      ),
    ),
    byAlliance: allianceRows(reading, alliances, allianceSums, member),
    chains: scopeChains.map(({ id, slug, nameZh, nameEn }) => ({ chainId: id, slug, nameZh, nameEn })),
    heatmap: heatCells(shownChains, nodeSums),
    collaborations,
    weakLinks: weakLinkRows(shownChains, nodeCounts),
  };
}

function headline(sums: DailySums, members: MemberCounts, medians: Medians): Headline {
  return {
    ...members,
    ...sums,
    ...medians,
    attendanceRate: sums.registrations > 0 ? sums.attended / sums.registrations : null,
  };
}

function chainRow(chain: ChainSummary, sums: DailySums, members: MemberCounts, medians: Medians): ChainRow {
  return {
    chainId: chain.id,
    slug: chain.slug,
    nameZh: chain.nameZh,
    nameEn: chain.nameEn,
    members: members.members,
    organizations: members.organizations,
    problemsPosted: sums.problemsPosted,
    problemsSolved: sums.problemsSolved,
    ...medians,
    applications: sums.applications,
    acceptances: sums.acceptances,
    eventsHeld: sums.eventsHeld,
    resourcesShared: sums.resourcesShared,
    inquiries: sums.inquiries,
  };
}

/**
 * The platform lists every current alliance (on the filtered chain, when filtered), and any other
 * with figures in the period, such as one archived since; an alliance scope lists its own alliance.
 */
function allianceRows(
  { scope, filters }: Reading,
  alliances: readonly AllianceEntry[],
  sums: Map<string, DailySums>,
  member: (allianceId: string | null, chainId: string | null) => MemberCounts,
): AllianceRow[] {
  return alliances
    .filter((alliance) =>
      scope.allianceId
        ? alliance.id === scope.allianceId
        : sums.has(alliance.id) ||
          (!alliance.archived && (!filters.chainId || alliance.chainIds.includes(filters.chainId))),
    )
    .map((alliance) => {
      const counted = sums.get(alliance.id) ?? noSums();
      const people = member(alliance.id, filters.chainId);
      return {
        allianceId: alliance.id,
        slug: alliance.slug,
        nameZh: alliance.nameZh,
        nameEn: alliance.nameEn,
        members: people.members,
        organizations: people.organizations,
        problemsPosted: counted.problemsPosted,
        problemsSolved: counted.problemsSolved,
        eventsHeld: counted.eventsHeld,
        registrations: counted.registrations,
        attended: counted.attended,
        resourcesShared: counted.resourcesShared,
      };
    });
}

/** Every node of the shown chains, upstream first, zeros included, so the heatmap's grid is whole. */
function heatCells(chains: readonly ChainSummary[], sums: Map<string, NodeSums>): HeatCell[] {
  return chains.flatMap((chain) =>
    chain.stages.flat().map((node) => ({
      chainId: chain.id,
      nodeId: node.id,
      node: { nameZh: node.nameZh, nameEn: node.nameEn },
      ...(sums.get(node.id) ?? { problemsPosted: 0, problemsSolved: 0 }),
    })),
  );
}
