import type { InputHTMLAttributes } from "react";
import { FieldFrame, hintId, type FieldMeta } from "./field-frame";
import { controlClass, describedBy } from "./styles";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; key?: string };

type Props = {
  label: string;
  /** Help shown under the input and announced with it. */
  hint?: string;
  /** What conform's getInputProps returns (id, name, aria-invalid, aria-describedby, defaultValue, key). */
  inputProps: InputProps;
  meta: FieldMeta;
  className?: string;
};

/** A labelled input with its hint and errors tied to it for assistive technology. */
export function Field({ label, hint, inputProps, meta, className }: Props) {
  // React warns when `key` travels inside a spread; conform's key remounts the input on a form reset.
  const { key, ...props } = inputProps;
  return (
    <FieldFrame controlId={props.id} label={label} hint={hint} meta={meta} className={className}>
      <input
        key={key}
        {...props}
        aria-describedby={describedBy(props["aria-describedby"], hint ? hintId(props.id) : undefined)}
        className={controlClass}
      />
    </FieldFrame>
  );
}
