/** Chooses the reader for an import source; an unusable source is an AppError before anything is written. */
import fs from "node:fs";
import { AppError } from "../../../../shared/app-error.ts";
import type { FicheSource } from "./fiche-source.ts";
import { openPackageSource } from "./package-source.ts";
import { openXmlFolderSource } from "./xml-folder-source.ts";
import { openXmlZipSource } from "./xml-zip-source.ts";

export type ImportSource =
  | { kind: "package"; dataDir?: string; ids?: string[] }
  | { kind: "path"; path: string };

async function looksLikeZip(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

export async function openFicheSource(source: ImportSource): Promise<FicheSource> {
  if (source.kind === "package") return openPackageSource({ dataDir: source.dataDir, ids: source.ids });
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(source.path);
  } catch {
    throw new AppError("BAD_REQUEST", {
      message: `import source not found: ${source.path}`,
      userMessage: `La source d'import « ${source.path} » est introuvable.`,
    });
  }
  if (stat.isDirectory()) return openXmlFolderSource(source.path);
  if (stat.isFile() && (source.path.toLowerCase().endsWith(".zip") || (await looksLikeZip(source.path)))) {
    return openXmlZipSource(source.path);
  }
  throw new AppError("BAD_REQUEST", {
    message: `import source is neither a folder nor a zip: ${source.path}`,
    userMessage: `La source d'import « ${source.path} » n'est ni un dossier de fichiers XML ni une archive .zip.`,
  });
}
