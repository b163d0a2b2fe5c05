import type { InputHTMLAttributes } from "react";
import { ErrorList } from "./error-list";
import { controlClass, describedBy, hintClass, labelClass } from "./styles";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; key?: string };

type Props = {
  label: string;
  /** Help shown under the input and announced with it. */
  hint?: string;
  /** What conform's getInputProps returns (id, name, aria-invalid, aria-describedby, defaultValue, key). */
  inputProps: InputProps;
  errors?: readonly string[] | null;
  errorId?: string;
  className?: string;
};

/** A labelled input with its hint and errors tied to it for assistive technology. */
export function Field({ label, hint, inputProps, errors, errorId, className }: Props) {
  // React warns when `key` travels inside a spread; conform's key remounts the input on a form reset.
  const { key, ...props } = inputProps;
  const hintId = hint ? `${props.id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={props.id} className={labelClass}>
        {label}
      </label>
      <input
        key={key}
        {...props}
        aria-describedby={describedBy(props["aria-describedby"], hintId)}
        className={controlClass}
      />
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
