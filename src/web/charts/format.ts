/** French number formatting shared by the charts and the pages that show the same figures. */

/** "85,5", "1 234" (narrow no-break space for thousands, as French typography does). */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits, minimumFractionDigits: 0 })
    .format(value)
    .replace(/^-0$/, "0");
}

/** A short, stable id for `<title>`/`<desc>` ids: the same chart always gets the same id. */
export function chartId(prefix: string, seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${prefix}-${(hash >>> 0).toString(36)}`;
}

/** Long labels are cut in the drawing (the table beside the chart keeps them whole). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
