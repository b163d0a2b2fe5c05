import type { ReactNode } from "react";

type Props = { title: string; lead?: string; children: ReactNode; footer?: ReactNode };

/** The narrow centred panel the log-in, sign-up and log-out pages share. */
export function AuthCard({ title, lead, children, footer }: Props) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {lead && <p className="mt-2 text-sm text-slate-600">{lead}</p>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <p className="mt-6 text-center text-sm text-slate-600">{footer}</p>}
    </div>
  );
}
