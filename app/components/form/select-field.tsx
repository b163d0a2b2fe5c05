import type { SelectHTMLAttributes } from "react";
import { ErrorList } from "./error-list";
import { controlClass, describedBy, hintClass, labelClass } from "./styles";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { id: string; key?: string };

type Props = {
  label: string;
  hint?: string;
  /** What conform's getSelectProps returns. */
  selectProps: SelectProps;
  options: readonly { value: string; label: string; lang?: string }[];
  /** A first option with an empty value, e.g. "none". */
  emptyOption?: string;
  errors?: readonly string[] | null;
  errorId?: string;
  className?: string;
};

/** A labelled native select (keyboard and screen-reader friendly by default) with hint and errors. */
export function SelectField({
  label,
  hint,
  selectProps,
  options,
  emptyOption,
  errors,
  errorId,
  className,
}: Props) {
  const { key, ...props } = selectProps;
  const hintId = hint ? `${props.id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={props.id} className={labelClass}>
        {label}
      </label>
      <select
        key={key}
        {...props}
        aria-describedby={describedBy(props["aria-describedby"], hintId)}
        className={controlClass}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
