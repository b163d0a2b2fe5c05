import { controlClass, labelClass } from "~/components/form/styles";
import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";

type Named = { nameZh: string; nameEn: string };
type Props = {
  id: string;
  label: string;
  /** The first option's text: no node chosen. */
  anyLabel: string;
  value: string;
  groups: readonly (Named & { nodes: readonly (Named & { id: string })[] })[];
};

/** A filter's chain-node choice: one option group per chain, in the reader's language. Submits `node`. */
export function NodeSelect({ id, label, anyLabel, value, groups }: Props) {
  const locale = useLocale();
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name="node" defaultValue={value} className={controlClass}>
        <option value="">{anyLabel}</option>
        {groups.map((group) => (
          <optgroup key={`${group.nameZh}-${group.nameEn}`} label={pick(locale, group.nameZh, group.nameEn)}>
            {group.nodes.map((node) => (
              <option key={node.id} value={node.id}>
                {pick(locale, node.nameZh, node.nameEn)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
