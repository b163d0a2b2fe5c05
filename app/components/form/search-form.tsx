import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { controlClass, labelClass } from "./styles";

type SearchFormProps = {
  action?: string;
  /** The form's margin and grid columns; the frame (border, padding, gap) is shared. */
  className: string;
  /** Lays the buttons out in the form's grid (e.g. a full-width last row). */
  actionsClassName?: string;
  submitLabel: string;
  /** Shown only while some filter is set: back to the unfiltered list. */
  reset?: { to: string; label: string };
  children: ReactNode;
};

/** A GET form, so a search is a link one can share, and it works without JavaScript. */
export function SearchForm({
  action,
  className,
  actionsClassName,
  submitLabel,
  reset,
  children,
}: SearchFormProps) {
  return (
    <Form
      method="get"
      action={action}
      role="search"
      className={`grid gap-4 rounded-xl border border-slate-200 bg-white p-4 ${className}`}
    >
      {children}
      <div
        className={
          actionsClassName ? `flex items-center gap-3 ${actionsClassName}` : "flex items-center gap-3"
        }
      >
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          {submitLabel}
        </button>
        {reset && (
          <Link to={reset.to} className="text-sm text-teal-700 underline hover:text-teal-900">
            {reset.label}
          </Link>
        )}
      </div>
    </Form>
  );
}

type SearchFieldProps = {
  id: string;
  label: string;
  defaultValue: string;
  placeholder: string;
  maxLength: number;
};

/** The free-text box of a search form; its value travels as `q`. */
export function SearchField({ id, label, defaultValue, placeholder, maxLength }: SearchFieldProps) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={maxLength}
        className={controlClass}
      />
    </div>
  );
}
