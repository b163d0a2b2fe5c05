import type { TextareaHTMLAttributes } from "react";
import { FieldFrame, hintId, type FieldMeta } from "./field-frame";
import { controlClass, describedBy } from "./styles";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; key?: string };

/** A labelled multi-line input in the platform's field frame (label, hint, errors). */
export function TextareaField({
  label,
  hint,
  textareaProps,
  meta,
}: {
  label: string;
  hint?: string;
  textareaProps: TextareaProps;
  meta: FieldMeta;
}) {
  const { key, ...props } = textareaProps;
  return (
    <FieldFrame controlId={props.id} label={label} hint={hint} meta={meta}>
      <textarea
        key={key}
        rows={6}
        {...props}
        aria-describedby={describedBy(props["aria-describedby"], hint ? hintId(props.id) : undefined)}
        className={controlClass}
      />
    </FieldFrame>
  );
}
