import { ErrorList } from "~/components/form/error-list";
import { controlClass } from "~/components/form/styles";
import { useT } from "~/i18n/use-t";

export type AgendaRow = {
  offsetMinutes?: string;
  durationMinutes?: string;
  title?: string;
  speaker?: string;
};

const agendaFields = [
  ["offsetMinutes", "event.field.agendaOffset", "number"],
  ["durationMinutes", "event.field.agendaDuration", "number"],
  ["title", "event.field.agendaTitle", "text"],
  ["speaker", "event.field.agendaGuest", "text"],
] as const;

/** One agenda row: offset and length in minutes, title, speaker (a member's name links them). */
export function AgendaInputs({
  index,
  row,
  errors,
}: {
  index: number;
  row: AgendaRow | undefined;
  errors: Record<string, string[]>;
}) {
  const t = useT();
  return (
    <div className="grid gap-2 sm:grid-cols-[8rem_8rem_1fr_12rem]">
      {agendaFields.map(([field, label, type]) => {
        const name = `agenda[${index}].${field}`;
        const id = `event-agenda-${index}-${field}`;
        const fieldErrors = errors[name];
        return (
          <div key={field}>
            <label htmlFor={id} className="sr-only">
              {`${t(label)} ${index + 1}`}
            </label>
            <input
              id={id}
              name={name}
              type={type}
              placeholder={t(label)}
              defaultValue={row?.[field] ?? ""}
              aria-invalid={fieldErrors ? true : undefined}
              aria-describedby={fieldErrors ? `${id}-error` : undefined}
              className={controlClass}
            />
            <ErrorList id={`${id}-error`} errors={fieldErrors} />
          </div>
        );
      })}
    </div>
  );
}
