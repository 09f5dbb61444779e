/**
 * Arrivals by hour and weekday as a table with shaded cells: every count is written, the shade only
 * helps the eye find the busy hours (a legend says what it means). A table is what screen readers
 * navigate best, cell by cell with its row and column headers.
 */
import type { HeatMap } from "../../../domains/commitments/needs/index.ts";
import { formatNumber } from "../../charts/index.ts";
import { WEEKDAY_LABELS } from "./needs-labels.ts";

/** 0 for none, then 1 to 4 by quarter of the busiest hour. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export function HeatMapTable(props: { caption: string; map: HeatMap }) {
  const { map } = props;
  return (
    <div class="table-wrap">
      <table class="heat-map">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Heure</th>
            {WEEKDAY_LABELS.map((day) => (
              <th scope="col">{day}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.hours.map((hour) => (
            <tr>
              <th scope="row">{`${hour} h – ${hour + 1} h`}</th>
              {WEEKDAY_LABELS.map((_, weekday) => {
                const count = map.counts[weekday]?.[hour] ?? 0;
                return <td class={`heat heat-${heatLevel(count, map.max)}`}>{formatNumber(count)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
