/**
 * Colours of the charts, on a white background. Graphics (bars, lines, markers, axes) contrast at least
 * 3:1 with white and text at least 4.5:1 (WCAG 1.4.11 and 1.4.3); series also differ by dash pattern and
 * marker shape, so nothing relies on colour alone. `palette.test.ts` checks the ratios.
 */
export const BACKGROUND = "#ffffff";
export const TEXT = "#161616";
export const MUTED_TEXT = "#4a4a4a";
export const AXIS = "#6a6a6a";
/** Decorative only (the values are written): no contrast requirement. */
export const GRID = "#dddddd";
export const TRACK = "#eeeeee";
export const BAR = "#1f4e9c";

export const SERIES_STYLES: ReadonlyArray<{ color: string; dash: string | undefined; marker: Marker }> = [
  { color: "#1f4e9c", dash: undefined, marker: "circle" },
  { color: "#a63c00", dash: "8 4", marker: "square" },
  { color: "#1b6e3a", dash: "2 4", marker: "triangle" },
  { color: "#6b3a8c", dash: "12 4 3 4", marker: "diamond" },
  { color: "#161616", dash: "4 2", marker: "cross" },
];

export type Marker = "circle" | "square" | "triangle" | "diamond" | "cross";

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
