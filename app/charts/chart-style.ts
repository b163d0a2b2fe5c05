import { palette } from "./palette";

/** The dashboard's column width: every chart is drawn at it and scales down with the page. */
export const CHART_WIDTH = 760;

/** The period's first and last day as the reader writes them, for the charts' descriptions. */
export type Range = { from: string; to: string };

export const axisLine = { lineStyle: { color: palette.axis } };
const splitLine = { lineStyle: { color: palette.grid } };
export const valueAxis = {
  type: "value" as const,
  minInterval: 1,
  axisLabel: { color: palette.slate },
  splitLine,
};

/** Chain or alliance names down the side, top first; long ones are cut rather than squeezing the plot. */
export function nameAxis(names: string[]) {
  return {
    type: "category" as const,
    inverse: true,
    data: names,
    axisLine,
    axisTick: { show: false },
    axisLabel: { color: palette.text, width: 210, overflow: "truncate" as const },
  };
}
