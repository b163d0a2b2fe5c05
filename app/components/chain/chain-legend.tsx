import { useId } from "react";
import { useT } from "~/i18n/use-t";
import { boxStyle, colours, HatchPattern } from "./node-style";

/** What the map's boxes, counts and markers mean, with a sample of each kind of box. */
export function ChainLegend() {
  const t = useT();
  const id = useId();
  const hatchId = `${id}-hatch`;
  const swatch = (weak: boolean) => {
    return (
      <svg aria-hidden="true" width="36" height="22" viewBox="0 0 36 22" className="mt-0.5 shrink-0">
        {weak && (
          <defs>
            <HatchPattern id={hatchId} />
          </defs>
        )}
        <rect x="1" y="1" width="34" height="20" rx="5" {...boxStyle(weak, hatchId)} />
      </svg>
    );
  };
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700"
    >
      <h2 id={`${id}-title`} className="text-xs font-semibold text-slate-500">
        {t("chain.legend.title")}
      </h2>
      <ul className="mt-2 space-y-2">
        <li className="flex gap-3">
          {swatch(false)}
          <span>{t("chain.legend.node")}</span>
        </li>
        <li className="flex gap-3">
          {swatch(true)}
          <span>{t("chain.legend.weak")}</span>
        </li>
        <li className="flex gap-3">
          <svg aria-hidden="true" width="36" height="22" viewBox="0 0 36 22" className="mt-0.5 shrink-0">
            <path
              d="M2,11 H28 M26,6 L33,11 L26,16 z"
              strokeWidth="1.5"
              fill={colours.edge}
              stroke={colours.edge}
            />
          </svg>
          <span>{t("chain.legend.arrow")}</span>
        </li>
      </ul>
    </section>
  );
}
