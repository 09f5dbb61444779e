/**
 * Tableau → a real <table>: header rows give column headers, header columns give row headers,
 * merged cells become rowspan/colspan. A few source tables carry merge values that do not fit
 * their grid; for those the vertical merges are dropped rather than producing a broken table.
 */
import type { ComponentChildren } from "preact";
import {
  attr,
  elements,
  firstElement,
  textOf,
  type XmlNode,
} from "../../domains/knowledge/fiche-model/xml-tree.ts";
import { renderBlocks } from "./blocks.tsx";
import { renderInline, renderTitle } from "./inline.tsx";
import type { FicheRenderContext } from "./render-context.ts";

type LaidCell = { node: XmlNode; column: number; colspan: number; rowspan: number };

function spanOf(node: XmlNode, name: string): number {
  const value = Number(attr(node, name) ?? 1);
  return Number.isInteger(value) && value > 1 ? value : 1;
}

/** Places cells on the grid; undefined when the merges do not fit `columns`. */
function layout(rows: XmlNode[], columns: number, useRowspan: boolean): LaidCell[][] | undefined {
  let pending = new Array<number>(columns).fill(0);
  const laid: LaidCell[][] = [];
  for (const row of rows) {
    const cells: LaidCell[] = [];
    let column = 0;
    for (const cell of elements(row, "Cellule")) {
      while (column < columns && (pending[column] ?? 0) > 0) column++;
      const colspan = spanOf(cell, "fusionHorizontale");
      const rowspan = useRowspan ? spanOf(cell, "fusionVerticale") : 1;
      if (column + colspan > columns) return undefined;
      for (let k = 0; k < colspan; k++) pending[column + k] = rowspan;
      cells.push({ node: cell, column, colspan, rowspan });
      column += colspan;
    }
    while (column < columns && (pending[column] ?? 0) > 0) column++;
    if (column !== columns) return undefined;
    pending = pending.map((p) => Math.max(0, p - 1));
    laid.push(cells);
  }
  return laid;
}

function cellContent(cell: XmlNode, ctx: FicheRenderContext): ComponentChildren {
  const parts = elements(cell);
  const only = parts.length === 1 && parts[0]?.name === "Paragraphe" ? parts[0] : undefined;
  return only ? renderInline(only.children, ctx) : renderBlocks(cell.children, ctx, 6);
}

export function FicheTable(props: { node: XmlNode; ctx: FicheRenderContext }) {
  const { node, ctx } = props;
  const rows = elements(node, "Rangée");
  const columnTypes = elements(node, "Colonne").map((c) => attr(c, "type"));
  const widest = Math.max(0, ...rows.map((r) => elements(r, "Cellule").length));
  const columns = columnTypes.length || widest;
  const grid =
    layout(rows, columns, true) ??
    layout(rows, columns, false) ??
    rows.map((r) =>
      elements(r, "Cellule").map((cell, column) => ({ node: cell, column, colspan: 1, rowspan: 1 })),
    );
  const titre = firstElement(node, "Titre");
  const resume = textOf(firstElement(node, "Resume"));
  // Only the header rows at the top go in <thead>; a header row further down stays in place.
  let headerRows = 0;
  while (headerRows < rows.length && attr(rows[headerRows], "type") === "header") headerRows++;
  const renderRow = (row: XmlNode, index: number) => {
    const isHeader = attr(row, "type") === "header";
    return (
      <tr>
        {(grid[index] ?? []).map((cell) => {
          const span = {
            colspan: cell.colspan > 1 ? cell.colspan : undefined,
            rowspan: cell.rowspan > 1 ? cell.rowspan : undefined,
          };
          if (isHeader)
            return (
              <th scope={cell.colspan > 1 ? "colgroup" : "col"} {...span}>
                {cellContent(cell.node, ctx)}
              </th>
            );
          if (columnTypes[cell.column] === "header")
            return (
              <th scope={cell.rowspan > 1 ? "rowgroup" : "row"} {...span}>
                {cellContent(cell.node, ctx)}
              </th>
            );
          return <td {...span}>{cellContent(cell.node, ctx)}</td>;
        })}
      </tr>
    );
  };
  return (
    <div class="table-wrap">
      {resume ? <p class="meta">{resume}</p> : null}
      <table>
        {titre ? <caption>{renderTitle(titre, ctx)}</caption> : null}
        {headerRows > 0 ? <thead>{rows.slice(0, headerRows).map((r, i) => renderRow(r, i))}</thead> : null}
        <tbody>{rows.slice(headerRows).map((r, i) => renderRow(r, i + headerRows))}</tbody>
      </table>
    </div>
  );
}
