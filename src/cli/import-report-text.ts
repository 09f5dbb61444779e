/** The French text the import command prints: progress lines and the final report. */
import type { ImportReport } from "../domains/knowledge/import/import-report.ts";

const number = new Intl.NumberFormat("fr-FR");

export function progressLine(done: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
  return `${percent} % — ${done}/${total}`;
}

export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  return seconds < 60
    ? `${seconds.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function formatImportReport(report: ImportReport): string {
  const lines = [
    `Import service-public.fr terminé en ${formatDuration(report.durationMs)}.`,
    `Source : ${report.source}`,
    `  ajoutées       : ${number.format(report.added)}`,
    `  mises à jour   : ${number.format(report.updated)}`,
    `  inchangées     : ${number.format(report.unchanged)}`,
    `  supprimées     : ${number.format(report.removed)}`,
    `  rejetées       : ${number.format(report.rejected.length)}`,
  ];
  for (const rejection of report.rejected) lines.push(`    - ${rejection.file} : ${rejection.reason}`);
  if (report.ignored > 0) {
    lines.push(
      `  fichiers ignorés (pas des fiches : index, menus, schémas…) : ${number.format(report.ignored)}`,
    );
  }
  if (report.removalRefused > 0) {
    lines.push(
      "",
      `Attention : ${number.format(report.removalRefused)} fiches absentes de la source n'ont PAS été supprimées,`,
      "car cela retirerait plus de la moitié de la base. Vérifiez la source, ou relancez avec --force.",
    );
  }
  return lines.join("\n");
}
