import { useDraftLookup } from "~/components/form/use-draft-lookup";
import { useT } from "~/i18n/use-t";
import type { ResourceMatch } from "~/models/resource-matching.server";
import { DRAFT_BODY_MAX } from "~/validation/matching";
import { ResourceMatchList } from "./resource-match-list";

const DEBOUNCE_MS = 500;
const MIN_CHARS = 2;

export type MatchDraftInput = { title: string; body: string; tags: string; nodeIds: readonly string[] };

/**
 * Shared resources that may help with the problem being written, asked of /resources/matches once typing
 * or ticking nodes pauses. Needs JavaScript, as a hint; links open in a new tab so the draft stays.
 */
export function DraftMatches({ draft }: { draft: MatchDraftInput }) {
  const t = useT();
  const title = draft.title.trim();
  const body = draft.body.trim().slice(0, DRAFT_BODY_MAX);
  const tags = draft.tags.trim();
  const nodes = [...draft.nodeIds].sort();
  const ready = title.length >= MIN_CHARS || nodes.length > 0;
  const params = new URLSearchParams({ title, body, tags });
  for (const node of nodes) params.append("node", node);
  const found = useDraftLookup<{ matches: ResourceMatch[] }>(
    ready ? `/resources/matches?${params.toString()}` : null,
    DEBOUNCE_MS,
  );
  const matches = found?.matches ?? [];
  if (matches.length === 0) return null;
  return (
    <section
      aria-labelledby="draft-matches-title"
      aria-live="polite"
      className="rounded-md border border-teal-200 bg-teal-50 p-3"
      data-testid="draft-matches"
    >
      <h2 id="draft-matches-title" className="text-sm font-semibold text-teal-900">
        {t("matching.draft.title")}
      </h2>
      <p className="text-xs text-teal-900">{t("matching.draft.hint")}</p>
      <ResourceMatchList matches={matches} newTab />
    </section>
  );
}
