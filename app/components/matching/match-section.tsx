import type { ReactNode } from "react";

/**
 * The box a record page shows its matches in: heading, a line on what they are, and the list, or what
 * to say when there is none.
 */
export function MatchSection({
  id,
  testId,
  title,
  lead,
  empty,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  lead: string;
  /** Shown instead of the list; null while there are matches. */
  empty: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="mt-8 rounded-xl border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="text-sm text-slate-600">{lead}</p>
      {empty === null ? children : <p className="mt-3 text-sm text-slate-600">{empty}</p>}
    </section>
  );
}
