/** A progress bar on a terminal; plain lines (every 5 %) when output goes to a file or CI log. */
import cliProgress from "cli-progress";
import type { ImportProgress } from "../domains/knowledge/import/import-report.ts";
import { progressLine } from "./import-report-text.ts";

export function createImportProgress(stream: NodeJS.WriteStream) {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "Import {bar} {percentage} % — {value}/{total} fiches — {duration_formatted}", stream },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update({ done, total }: ImportProgress) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastStep = -1;
  return {
    update({ done, total }: ImportProgress) {
      const step = Math.floor((done * 20) / Math.max(total, 1));
      if (step === lastStep && done !== total) return;
      lastStep = step;
      stream.write(`${progressLine(done, total)}\n`);
    },
    stop: () => {},
  };
}
