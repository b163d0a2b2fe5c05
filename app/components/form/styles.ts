/** Shared looks for form controls, so every form on the platform reads the same. */
export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm " +
  "placeholder:text-slate-400 focus:border-teal-600 focus:outline-2 focus:outline-offset-0 focus:outline-teal-600/40 " +
  "aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus:outline-red-600/40 sm:text-sm";

export const labelClass = "block text-sm font-medium text-slate-800";

export const hintClass = "mt-1 text-xs text-slate-500";

/** aria-describedby from several ids, leaving out the missing ones. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}
