import { pick } from "~/i18n/pick";
import { useLocale } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";
import { Tick } from "./checkbox-group";

/** Every chain node as a checkbox, grouped by chain, the ones in `ticked` checked. */
export function NodeTicks({
  name,
  groups,
  ticked,
}: {
  name: string;
  groups: NodeChoiceGroup[];
  ticked: ReadonlySet<string>;
}) {
  const locale = useLocale();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {groups.map((group) => (
        <fieldset key={group.slug} className="rounded-lg border border-slate-200 px-4 py-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {pick(locale, group.nameZh, group.nameEn)}
          </legend>
          <div className="grid gap-1">
            {group.nodes.map((node) => (
              <Tick
                key={node.id}
                name={name}
                value={node.id}
                checked={ticked.has(node.id)}
                label={pick(locale, node.nameZh, node.nameEn)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
