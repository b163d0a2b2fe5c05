import { BarChart, HeatmapChart, LineChart } from "echarts/charts";
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
} from "echarts/components";
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  VisualMapComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Locale } from "~/i18n/locales";
import { LruCache } from "./lru";
import { fontFamily, palette } from "./palette";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | VisualMapComponentOption
>;

export type ChartSpec = {
  width: number;
  height: number;
  locale: Locale;
  /** What a screen reader announces for the picture; the numbers are in the table beside it. */
  title: string;
  description: string;
  /** Plain data only (no functions), so that its JSON names the picture exactly. */
  option: ChartOption;
};

/**
 * The figures change only when the rollup refreshes, and a render costs about 11 ms, so the same
 * option draws from the cache; 200 entries hold every chart of a few dozen period × scope views.
 */
const cache = new LruCache<string>(200);

/** An ECharts picture as an SVG string, drawn on the server: the browser gets no charting code. */
export function renderSvg(spec: ChartSpec): string {
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: spec.width,
    height: spec.height,
    locale: spec.locale === "en" ? "EN" : "ZH",
  });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: spec.description } },
      textStyle: { fontFamily, color: palette.text },
      ...spec.option,
    });
    svg = labelled(chart.renderToSVGString(), spec);
  } finally {
    chart.dispose();
  }
  cache.set(key, svg);
  return svg;
}

/** Rendered SVGs held now; for tests. */
export function cachedSvgCount(): number {
  return cache.size;
}

/**
 * ECharts puts its aria label on a DOM node, which server rendering does not have; the SVG gets it here,
 * as role, name and a <title>/<desc> pair. The SVG scales to its container through its viewBox.
 */
function labelled(svg: string, { title, description }: ChartSpec): string {
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open) throw new Error("ECharts returned no <svg> element");
  const attributes = open[1].replace(/\s(width|height)="[^"]*"/g, "");
  return (
    `<svg${attributes} role="img" aria-label="${escapeXml(title)}" preserveAspectRatio="xMidYMid meet">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>` +
    svg.slice(open[0].length)
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
