import type { ReactNode } from "react";
import { ErrorList } from "./error-list";
import { hintClass, labelClass } from "./styles";

/** What a field needs from conform's field metadata: its errors and the id they are listed under. */
export type FieldMeta = { errors?: readonly string[] | null; errorId: string };

type Props = {
  controlId: string;
  label: string;
  hint?: string;
  meta: FieldMeta;
  className?: string;
  /** The control; it gets `hintId(controlId)` in its aria-describedby when there is a hint. */
  children: ReactNode;
};

export const hintId = (controlId: string) => `${controlId}-hint`;

/** Label above, hint and errors below: the frame every form control on the platform shares. */
export function FieldFrame({ controlId, label, hint, meta, className, children }: Props) {
  return (
    <div className={className}>
      <label htmlFor={controlId} className={labelClass}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId(controlId)} className={hintClass}>
          {hint}
        </p>
      )}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
