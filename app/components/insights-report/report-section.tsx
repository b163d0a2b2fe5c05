import type { ReactNode } from "react";

/**
 * A titled part of the report. Short parts stay on one sheet (`break-inside: avoid`); the title never
 * ends a sheet alone.
 */
export function ReportSection({
  id,
  title,
  children,
  keepTogether = true,
}: {
  id: string;
  title: string;
  children: ReactNode;
  keepTogether?: boolean;
}) {
  return (
    <section aria-labelledby={id} className={`mt-8 print:mt-6 ${keepTogether ? "break-inside-avoid" : ""}`}>
      <h2 id={id} className="break-after-avoid text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
