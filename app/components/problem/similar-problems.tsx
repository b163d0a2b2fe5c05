import { Link } from "@remix-run/react";
import { useDraftLookup } from "~/components/form/use-draft-lookup";
import { useT } from "~/i18n/use-t";
import type { SimilarProblem } from "~/models/problem-similar.server";
import { Highlighted } from "./highlighted";
import { StatusBadge } from "./status-badge";

const DEBOUNCE_MS = 300;
const MIN_CHARS = 2;

/**
 * Problems like the one whose title is being typed, so a duplicate is noticed before posting. Asks
 * /problems/similar once typing pauses; `exclude` is the problem being edited. Needs JavaScript, as a hint.
 */
export function SimilarProblems({ title, exclude }: { title: string; exclude?: string }) {
  const t = useT();
  const text = title.trim();
  const params = new URLSearchParams({ q: text });
  if (exclude) params.set("exclude", exclude);
  const found = useDraftLookup<{ results: SimilarProblem[] }>(
    text.length >= MIN_CHARS ? `/problems/similar?${params.toString()}` : null,
    DEBOUNCE_MS,
  );
  const results = found?.results ?? [];
  if (results.length === 0) return null;
  return (
    <section
      aria-labelledby="similar-problems-title"
      aria-live="polite"
      className="mt-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      data-testid="similar-problems"
    >
      <h2 id="similar-problems-title" className="text-sm font-semibold text-amber-900">
        {t("problem.similar.title")}
      </h2>
      <p className="text-xs text-amber-900">{t("problem.similar.hint")}</p>
      <ul className="mt-2 space-y-1">
        {results.map((problem) => (
          <li key={problem.id} className="flex items-center gap-2 text-sm">
            <StatusBadge status={problem.status} />
            <Link
              to={`/problems/${problem.id}`}
              target="_blank"
              rel="noopener"
              className="text-slate-900 hover:text-teal-800 hover:underline"
            >
              <Highlighted segments={problem.titleHits} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
