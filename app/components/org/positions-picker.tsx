import { ErrorList } from "~/components/form/error-list";
import { pick } from "~/i18n/pick";
import { useLocale, useT } from "~/i18n/use-t";
import type { NodeChoiceGroup } from "~/models/org-edit.server";

type FieldState = { name: string; initialValue?: unknown; errors?: string[]; errorId: string };

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];

/**
 * One box per node and kind, grouped by chain: plain checkboxes named `supplies` and `needs`, so the
 * form works without JavaScript and a refused submission comes back with the same boxes ticked.
 */
export function PositionsPicker({
  groups,
  supplies,
  needs,
}: {
  groups: NodeChoiceGroup[];
  supplies: FieldState;
  needs: FieldState;
}) {
  const t = useT();
  const locale = useLocale();
  const fields = { supplies, needs };
  const ticked = {
    supplies: new Set(asList(supplies.initialValue)),
    needs: new Set(asList(needs.initialValue)),
  };
  return (
    <div className="space-y-4">
      <ErrorList id={supplies.errorId} errors={supplies.errors} />
      <ErrorList id={needs.errorId} errors={needs.errors} />
      {groups.map((group) => (
        <fieldset key={group.slug} className="rounded-lg border border-slate-200 px-4 py-3">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {pick(locale, group.nameZh, group.nameEn)}
          </legend>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">{pick(locale, group.nameZh, group.nameEn)}</span>
                </th>
                <th scope="col" className="w-20 py-1 text-center font-medium">
                  {t("org.positions.supplies")}
                </th>
                <th scope="col" className="w-20 py-1 text-center font-medium">
                  {t("org.positions.needs")}
                </th>
              </tr>
            </thead>
            <tbody>
              {group.nodes.map((node) => {
                const name = pick(locale, node.nameZh, node.nameEn);
                return (
                  <tr key={node.id} className="border-t border-slate-100">
                    <th scope="row" className="py-1.5 text-left font-normal text-slate-800">
                      {name}
                    </th>
                    {(["supplies", "needs"] as const).map((kind) => (
                      <td key={kind} className="text-center">
                        <input
                          type="checkbox"
                          name={fields[kind].name}
                          value={node.id}
                          defaultChecked={ticked[kind].has(node.id)}
                          aria-label={`${name}: ${t(`org.positions.${kind}`)}`}
                          aria-describedby={fields[kind].errors?.length ? fields[kind].errorId : undefined}
                          className="size-4 rounded border-slate-300 text-teal-700 focus-visible:outline-2 focus-visible:outline-teal-600"
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ))}
    </div>
  );
}
