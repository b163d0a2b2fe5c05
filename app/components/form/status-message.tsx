import type { ReactNode } from "react";

/** A confirmation after a successful submission, read out politely by screen readers. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-sm text-teal-900">
      {children}
    </p>
  );
}
