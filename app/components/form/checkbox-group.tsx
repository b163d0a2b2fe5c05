import type { ReactNode } from "react";
import { ErrorList } from "./error-list";
import { describedBy, hintClass } from "./styles";

/** A group of checkboxes under one legend, its hint and errors announced with it. */
export function CheckboxGroup({
  legend,
  hint,
  errorId,
  errors,
  className = "space-y-2",
  children,
}: {
  legend: string;
  hint?: string;
  errorId: string;
  errors?: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  const hintFor = `${errorId}-hint`;
  return (
    <fieldset
      className={className}
      aria-describedby={describedBy(hint ? hintFor : undefined, errors?.length ? errorId : undefined)}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintFor} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorList id={errorId} errors={errors} />
      {children}
    </fieldset>
  );
}

/** One plain checkbox with its label, so a list of them posts without JavaScript. */
export function Tick({
  name,
  value,
  checked,
  label,
}: {
  name: string;
  value: string;
  checked: boolean;
  label: string;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="size-4 rounded border-slate-300 text-teal-700"
      />
      {label}
    </label>
  );
}
