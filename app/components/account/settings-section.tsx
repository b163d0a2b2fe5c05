import type { ReactNode } from "react";

type Props = { id: string; title: string; lead?: string; children: ReactNode };

/** One titled card of the settings page, named by its heading for screen readers. */
export function SettingsSection({ id, title, lead, children }: Props) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {lead && <p className="mt-1 text-sm text-slate-600">{lead}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}
