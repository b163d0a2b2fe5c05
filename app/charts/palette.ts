/** The app's Tailwind colours (teal for the main figure, amber beside it, slate for the frame), as hex for ECharts. */
export const palette = {
  teal: "#0f766e",
  tealLight: "#5eead4",
  tealPale: "#f0fdfa",
  amber: "#d97706",
  slate: "#64748b",
  text: "#334155",
  axis: "#94a3b8",
  grid: "#e2e8f0",
} as const;

export const fontFamily =
  'ui-sans-serif, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
