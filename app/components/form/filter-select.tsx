import { controlClass, labelClass } from "./styles";

type Option = { value: string; label: string };

/**
 * A select in a GET search form, named as its query parameter. With `anyLabel` it starts with an
 * empty choice that leaves the filter unset.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  anyLabel?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={controlClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
