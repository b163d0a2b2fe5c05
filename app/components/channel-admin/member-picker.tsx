import { useId, useState } from "react";
import { ErrorList } from "~/components/form/error-list";
import { controlClass, hintClass, labelClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";

export type PickerPerson = { id: string; name: string };

type Props = {
  /** The form field the ticked ids are submitted as. */
  name: string;
  people: PickerPerson[];
  /** Ticked on first render: what was typed before a refused submission. */
  selected: ReadonlySet<string>;
  legend: string;
  hint?: string;
  errors?: readonly string[] | null;
  errorId: string;
};

/**
 * Checkboxes of people with a filter box. Without JavaScript every name is listed; with it, the box
 * hides the names that do not match (hidden boxes stay ticked and are still submitted).
 */
export function MemberPicker({ name, people, selected, legend, hint, errors, errorId }: Props) {
  const t = useT();
  const searchId = useId();
  const hintId = `${searchId}-hint`;
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = new Set(
    (needle ? people.filter((p) => p.name.toLowerCase().includes(needle)) : people).map((p) => p.id),
  );
  return (
    <fieldset
      aria-describedby={[hint ? hintId : "", errors?.length ? errorId : ""].join(" ").trim() || undefined}
    >
      <legend className={labelClass}>{legend}</legend>
      {hint && (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      )}
      {people.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("channelAdmin.picker.nobody")}</p>
      ) : (
        <>
          <label htmlFor={searchId} className="sr-only">
            {t("channelAdmin.picker.search")}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("channelAdmin.picker.search")}
            className={`${controlClass} max-w-sm`}
          />
          <ul className="mt-2 grid max-h-72 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
            {people.map((person) => (
              <li key={person.id} hidden={!shown.has(person.id)}>
                <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-800 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    name={name}
                    value={person.id}
                    defaultChecked={selected.has(person.id)}
                    className="size-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
                  />
                  {person.name}
                </label>
              </li>
            ))}
          </ul>
          {shown.size === 0 && (
            <p className="mt-1 text-sm text-slate-500">{t("channelAdmin.picker.noMatch")}</p>
          )}
        </>
      )}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
