/**
 * A chart with the same data as a real table beside it, in one `<figure>`:
 *
 *   <ChartFigure caption="Demandes par canal" table={barChartTable(data, { labelHeader: "Canal", valueHeader: "Part" })}>
 *     <BarChart title="Demandes par canal" data={data} unit="%" />
 *   </ChartFigure>
 *
 * The table has a caption and `th scope` headers, in a focusable region so that it scrolls with the
 * keyboard on narrow screens; build it with `barChartTable` / `lineChartTable`
 * from the very data given to the chart, so the two can never disagree. Links (`href`) become links
 * in the table's first column: that is how keyboard and screen-reader users follow them.
 */
import type { ComponentChildren } from "preact";
import { type BarDatum, valueText } from "./bar-chart.tsx";
import { chartId, formatNumber } from "./format.ts";
import { type LineSeries, xCategories } from "./line-chart.tsx";

export type ChartTable = {
  /** Default: « Données du graphique : <caption> ». */
  caption?: string;
  /** Column headers, the first one heads the row labels. */
  head: string[];
  rows: Array<{ label: string; href?: string | undefined; cells: string[] }>;
};

export function barChartTable(
  data: BarDatum[],
  options: { labelHeader: string; valueHeader: string; unit?: string; caption?: string },
): ChartTable {
  return {
    ...(options.caption ? { caption: options.caption } : {}),
    head: [options.labelHeader, options.valueHeader],
    rows: data.map((datum) => ({
      label: datum.label,
      href: datum.href,
      cells: [valueText(datum, options.unit)],
    })),
  };
}

/** One row per x, one column per series; gaps read « non disponible ». */
export function lineChartTable(
  series: LineSeries[],
  options: { xHeader: string; yFormat?: (value: number) => string; caption?: string; missing?: string },
): ChartTable {
  const format = options.yFormat ?? ((value: number) => formatNumber(value));
  const missing = options.missing ?? "non disponible";
  return {
    ...(options.caption ? { caption: options.caption } : {}),
    head: [options.xHeader, ...series.map((s) => s.name)],
    rows: xCategories(series).map((x) => ({
      label: x,
      cells: series.map((s) => {
        const y = s.points.find((p) => p.x === x)?.y;
        return y === null || y === undefined ? missing : format(y);
      }),
    })),
  };
}

export function ChartFigure(props: {
  caption: string;
  table: ChartTable;
  /** A sentence under the caption: source, period, sample sizes. */
  note?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { table } = props;
  const caption = table.caption ?? `Données du graphique : ${props.caption}`;
  const captionId = chartId("tableau", `${caption}|${table.rows.map((row) => row.label).join("|")}`);
  // Wide tables (several series) go under the chart rather than beside it.
  return (
    <figure class={table.head.length > 3 ? "chart-figure chart-figure-stacked" : "chart-figure"}>
      <figcaption>
        <span class="chart-caption">{props.caption}</span>
        {props.note ? <span class="chart-note"> {props.note}</span> : null}
      </figcaption>
      <div class="chart-drawing">{props.children}</div>
      {/* Focusable and named: on a narrow screen the table scrolls sideways, also with the keyboard. */}
      <section class="table-wrap chart-table" aria-labelledby={captionId} tabindex={0}>
        <table>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {table.head.map((header) => (
                <th scope="col">{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr>
                <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
                {row.cells.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </figure>
  );
}
