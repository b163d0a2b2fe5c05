import { getInputProps } from "@conform-to/react";
import { ErrorList } from "~/components/form/error-list";
import { hintClass } from "~/components/form/styles";
import type { MessageKey } from "~/i18n/dictionary";
import { useT } from "~/i18n/use-t";

type Field = Parameters<typeof getInputProps>[0];

/** A conform checkbox with its label, a hint it is described by, and its errors. */
export function CheckboxField({ field, label, hint }: { field: Field; label: MessageKey; hint: MessageKey }) {
  const t = useT();
  const { key, ...props } = getInputProps(field, { type: "checkbox" });
  const hintId = `${field.id}-hint`;
  return (
    <div className="flex items-start gap-3">
      <input
        key={key}
        {...props}
        aria-describedby={[props["aria-describedby"], hintId].filter(Boolean).join(" ")}
        className="mt-1 size-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
      />
      <div>
        <label htmlFor={field.id} className="text-sm font-medium text-slate-800">
          {t(label)}
        </label>
        <p id={hintId} className={hintClass}>
          {t(hint)}
        </p>
        <ErrorList id={field.errorId} errors={field.errors} />
      </div>
    </div>
  );
}
