/**
 * Time series as lines, server-rendered SVG, no JavaScript.
 *
 *   <LineChart title="Satisfaction par mois" yMax={10} yFormat={(v) => `${formatNumber(v)}/10`}
 *     series={[{ name: "Satisfaction", points: [{ x: "janv. 2026", y: 7.4 }, { x: "févr. 2026", y: null }] }]} />
 *
 * - `x` are category labels, evenly spaced, in the order they first appear across the series.
 * - `y: null` is a gap (no data, or a sample too small to publish): the line breaks there.
 * - Each series has its own colour, dash pattern and marker shape, and a legend names them, so
 *   series are told apart without colour. Every point's value is in the description and, in a
 *   ChartFigure, in the table beside the chart.
 * - The y scale runs from 0 (or the lowest value when negative) to `yMax` (default: a round number
 *   above the largest value); `yFormat` writes the axis labels and the values in the description.
 */
import { chartId, formatNumber, shorten } from "./format.ts";
import { AXIS, GRID, type Marker, MUTED_TEXT, SERIES_STYLES, TEXT } from "./palette.ts";

export type LinePoint = { x: string; y: number | null };
export type LineSeries = { name: string; points: LinePoint[] };

export type LineChartProps = {
  title: string;
  description?: string;
  series: LineSeries[];
  yMax?: number;
  yFormat?: (value: number) => string;
};

const WIDTH = 640;
const LEFT = 56;
const RIGHT = 16;
const PLOT_HEIGHT = 220;
const LEGEND_ROW = 22;
const X_LABELS_HEIGHT = 28;
const MAX_X_LABELS = 8;

/** The x categories, in order of first appearance. */
export function xCategories(series: LineSeries[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const p of s.points) seen.add(p.x);
  return [...seen];
}

/** A round upper bound: 1, 2, 2.5, 5 or 10 times a power of ten, at or above `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

/** The first and last x labels stay inside the drawing. */
export function xAnchor(index: number, count: number): "start" | "middle" | "end" {
  if (count <= 1) return "middle";
  if (index === 0) return "start";
  return index === count - 1 ? "end" : "middle";
}

/** Line runs between gaps: each run is a list of [x, y] in drawing units. */
export function lineRuns(points: Array<[number, number] | null>): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (const point of points) {
    if (point === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(point);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function MarkerShape(props: { marker: Marker; x: number; y: number; color: string }) {
  const { x, y, color } = props;
  switch (props.marker) {
    case "circle":
      return <circle cx={x} cy={y} r={4} fill={color} />;
    case "square":
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
    case "triangle":
      return <path d={`M${x} ${y - 5}L${x + 5} ${y + 4}L${x - 5} ${y + 4}Z`} fill={color} />;
    case "diamond":
      return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={color} />;
    case "cross":
      return (
        <path
          d={`M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}`}
          stroke={color}
          stroke-width={2}
        />
      );
  }
}

function describe(props: LineChartProps, format: (value: number) => string): string {
  if (props.description) return props.description;
  if (props.series.length === 0) return "Aucune donnée.";
  return props.series
    .map(
      (s) =>
        `${s.name} : ${s.points.map((p) => `${p.x} ${p.y === null ? "non disponible" : format(p.y)}`).join(", ")}.`,
    )
    .join(" ");
}

export function LineChart(props: LineChartProps) {
  const format = props.yFormat ?? ((value: number) => formatNumber(value));
  const id = chartId("courbes", `${props.title}|${props.series.map((s) => s.name).join("|")}`);
  const categories = xCategories(props.series);
  const values = props.series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
  const yMin = Math.min(0, ...values);
  const yMax = props.yMax ?? niceCeiling(Math.max(0, ...values));
  const legendHeight = props.series.length * LEGEND_ROW + 8;
  const top = legendHeight + 8;
  const height = top + PLOT_HEIGHT + X_LABELS_HEIGHT;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const xOf = (index: number) =>
    LEFT + (categories.length <= 1 ? plotWidth / 2 : (index / (categories.length - 1)) * plotWidth);
  const yOf = (value: number) =>
    top + PLOT_HEIGHT - ((Math.min(value, yMax) - yMin) / (yMax - yMin || 1)) * PLOT_HEIGHT;
  const ticks = [0, 1, 2, 3, 4].map((i) => yMin + ((yMax - yMin) * i) / 4);
  const labelEvery = Math.max(1, Math.ceil(categories.length / MAX_X_LABELS));

  return (
    <svg
      class="chart line-chart"
      role="img"
      aria-labelledby={`${id}-titre ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    >
      <title id={`${id}-titre`}>{props.title}</title>
      <desc id={`${id}-desc`}>{describe(props, format)}</desc>
      <g class="legend">
        {props.series.map((s, index) => {
          const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
          const y = 4 + index * LEGEND_ROW + 11;
          return (
            <g>
              <line
                x1={LEFT}
                y1={y}
                x2={LEFT + 36}
                y2={y}
                stroke={style.color}
                stroke-width={2.5}
                stroke-dasharray={style.dash}
              />
              <MarkerShape marker={style.marker} x={LEFT + 18} y={y} color={style.color} />
              <text x={LEFT + 46} y={y + 5} font-size={14} fill={TEXT}>
                {shorten(s.name, 70)}
              </text>
            </g>
          );
        })}
      </g>
      <g class="axes">
        {ticks.map((tick) => (
          <g>
            <line
              x1={LEFT}
              y1={yOf(tick)}
              x2={WIDTH - RIGHT}
              y2={yOf(tick)}
              stroke={tick === 0 ? AXIS : GRID}
            />
            <text x={LEFT - 6} y={yOf(tick) + 4} font-size={12} text-anchor="end" fill={MUTED_TEXT}>
              {format(tick)}
            </text>
          </g>
        ))}
        <line x1={LEFT} y1={top} x2={LEFT} y2={top + PLOT_HEIGHT} stroke={AXIS} />
        {categories.map((category, index) =>
          index % labelEvery === 0 || index === categories.length - 1 ? (
            <text
              x={xOf(index)}
              y={top + PLOT_HEIGHT + 18}
              font-size={12}
              text-anchor={xAnchor(index, categories.length)}
              fill={MUTED_TEXT}
            >
              {shorten(category, 14)}
            </text>
          ) : null,
        )}
      </g>
      {props.series.map((s, index) => {
        const style = SERIES_STYLES[index % SERIES_STYLES.length]!;
        const byX = new Map(s.points.map((p) => [p.x, p.y]));
        const points = categories.map((category, i): [number, number] | null => {
          const y = byX.get(category);
          return y === null || y === undefined ? null : [xOf(i), yOf(y)];
        });
        return (
          <g class="series">
            {lineRuns(points).map((run) =>
              run.length > 1 ? (
                <path
                  d={run.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)} ${y.toFixed(1)}`).join("")}
                  fill="none"
                  stroke={style.color}
                  stroke-width={2.5}
                  stroke-dasharray={style.dash}
                />
              ) : null,
            )}
            {points.map((point) =>
              point ? (
                <MarkerShape marker={style.marker} x={point[0]} y={point[1]} color={style.color} />
              ) : null,
            )}
          </g>
        );
      })}
    </svg>
  );
}
