/**
 * Horizontal bar chart, server-rendered SVG, no JavaScript.
 *
 *   <BarChart title="Demandes par canal" unit="%" data={[{ label: "Courriel", value: 42 }, …]} />
 *
 * - Each bar has its label above it and its value written after it: the figure never relies on
 *   length or colour alone. `display` replaces the written value ("42 % (n = 130)").
 * - `hidden: true` (a sample too small to publish): no bar, the row says `display` or
 *   « Échantillon insuffisant ». Hidden values never set the scale.
 * - `max` fixes the scale (100 for shares); by default the largest shown value. Values below 0 are
 *   drawn as empty bars (the value is still written).
 * - `href` makes the label and bar a link for pointer users; it is left out of the tab order because
 *   the data table beside the chart (ChartFigure) carries the same links for keyboard and screen readers.
 * - `role="img"` with `<title>` and `<desc>` (aria-labelledby): the description defaults to the data
 *   in words. Put it in a ChartFigure so the same data is also a real table.
 * Text is escaped by Preact; no inline style (the CSP forbids it): SVG presentation attributes only.
 */
import { chartId, formatNumber, shorten } from "./format.ts";
import { BAR, MUTED_TEXT, TEXT, TRACK } from "./palette.ts";

export type BarDatum = {
  label: string;
  value: number;
  /** What is written beside the bar; default: the value in French with the unit. */
  display?: string;
  href?: string;
  /** Not drawn (sample too small); the row still says why. */
  hidden?: boolean;
};

export type BarChartProps = {
  title: string;
  description?: string;
  data: BarDatum[];
  max?: number;
  /** Written after each value: "%", "/10", "demandes"… */
  unit?: string;
};

export const HIDDEN_TEXT = "Échantillon insuffisant";

const WIDTH = 640;
const ROW = 46;
const TOP = 4;
const BAR_HEIGHT = 18;
/** Room left after the longest bar for its written value. */
const VALUE_ROOM = 160;
export const BAR_AREA = WIDTH - VALUE_ROOM;
const LABEL_CHARS = 80;

export function valueText(datum: BarDatum, unit: string | undefined): string {
  if (datum.display !== undefined) return datum.display;
  if (datum.hidden) return HIDDEN_TEXT;
  const number = formatNumber(datum.value);
  if (!unit) return number;
  return unit.startsWith("/") ? `${number}${unit}` : `${number}\u00a0${unit}`;
}

/** Width of a bar on the chart's scale, 0 to BAR_AREA. */
export function barWidth(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.round((Math.min(value, max) / max) * BAR_AREA * 10) / 10;
}

export function scaleMax(data: BarDatum[], max: number | undefined): number {
  if (max !== undefined && max > 0) return max;
  const shown = data.filter((d) => !d.hidden).map((d) => d.value);
  const largest = Math.max(0, ...shown);
  return largest > 0 ? largest : 1;
}

function describe(props: BarChartProps): string {
  if (props.description) return props.description;
  if (props.data.length === 0) return "Aucune donnée.";
  return `${props.data.map((d) => `${d.label} : ${valueText(d, props.unit)}`).join(" ; ")}.`;
}

function Row(props: { datum: BarDatum; index: number; max: number; unit: string | undefined }) {
  const { datum, index } = props;
  const y = TOP + index * ROW;
  const width = datum.hidden ? 0 : barWidth(datum.value, props.max);
  const drawing = (
    <>
      <text x={0} y={y + 14} font-size={14} fill={TEXT}>
        {shorten(datum.label, LABEL_CHARS)}
      </text>
      {datum.hidden ? null : (
        <>
          <rect x={0} y={y + 20} width={BAR_AREA} height={BAR_HEIGHT} fill={TRACK} />
          <rect class="bar" x={0} y={y + 20} width={width} height={BAR_HEIGHT} fill={BAR} />
        </>
      )}
      <text
        x={datum.hidden ? 0 : width + 8}
        y={y + 34}
        font-size={14}
        font-weight={datum.hidden ? "normal" : "bold"}
        font-style={datum.hidden ? "italic" : "normal"}
        fill={datum.hidden ? MUTED_TEXT : TEXT}
      >
        {valueText(datum, props.unit)}
      </text>
    </>
  );
  return datum.href ? (
    <a href={datum.href} tabindex={-1}>
      {drawing}
    </a>
  ) : (
    <g>{drawing}</g>
  );
}

export function BarChart(props: BarChartProps) {
  const id = chartId("barres", `${props.title}|${props.data.map((d) => d.label).join("|")}`);
  const max = scaleMax(props.data, props.max);
  const height = TOP + Math.max(1, props.data.length) * ROW;
  return (
    <svg
      class="chart bar-chart"
      role="img"
      aria-labelledby={`${id}-titre ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    >
      <title id={`${id}-titre`}>{props.title}</title>
      <desc id={`${id}-desc`}>{describe(props)}</desc>
      {props.data.map((datum, index) => (
        <Row datum={datum} index={index} max={max} unit={props.unit} />
      ))}
    </svg>
  );
}
