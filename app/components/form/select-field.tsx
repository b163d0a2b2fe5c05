import type { SelectHTMLAttributes } from "react";
import { FieldFrame, hintId, type FieldMeta } from "./field-frame";
import { controlClass, describedBy } from "./styles";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { id: string; key?: string };

type Props = {
  label: string;
  hint?: string;
  /** What conform's getSelectProps returns. */
  selectProps: SelectProps;
  options: readonly { value: string; label: string; lang?: string }[];
  /** A first option with an empty value, e.g. "none". */
  emptyOption?: string;
  meta: FieldMeta;
  className?: string;
};

/** A labelled native select (keyboard and screen-reader friendly by default) with hint and errors. */
export function SelectField({ label, hint, selectProps, options, emptyOption, meta, className }: Props) {
  const { key, ...props } = selectProps;
  return (
    <FieldFrame controlId={props.id} label={label} hint={hint} meta={meta} className={className}>
      <select
        key={key}
        {...props}
        aria-describedby={describedBy(props["aria-describedby"], hint ? hintId(props.id) : undefined)}
        className={controlClass}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
