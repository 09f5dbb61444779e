/**
 * What the importer reads: files grouped by the publication they probably hold (same file name in
 * several audience folders = one publication), read one at a time so memory stays bounded.
 */
import type { XmlNode } from "../../../../shared/database.ts";
import type { AudienceName } from "../../fiche-model/parse-fiche.ts";

/** A file that cannot be read as a publication; `message` is French and goes in the report. */
export class SourceFileError extends Error {
  override name = "SourceFileError";
}

export type SourceFile = {
  /** Path shown in the report (relative to the source). */
  file: string;
  /** The audience named by the folder holding the file, when there is one. */
  audienceHint: AudienceName | undefined;
  /** Reads and parses the file into a document tree; throws SourceFileError. */
  read(): Promise<XmlNode>;
};

export type SourceGroup = {
  /** The id the file names announce (e.g. "F21089"), if they follow the F/N/R pattern. */
  idHint: string | undefined;
  files: SourceFile[];
};

export type FicheSource = {
  /** Recorded as `fiches.source` and in `import_runs`. */
  label: string;
  /** True when the source holds every publication, so that ids absent from it are withdrawn. */
  fullSet: boolean;
  /** Number of groups, for progress. */
  total: number;
  /** Ids announced by the file names, known before reading any file (guards removals). */
  idHints: ReadonlySet<string>;
  /** Files ignored because they cannot be publications (indexes, schemas, menus…). */
  ignoredFiles: number;
  groups(): AsyncGenerator<SourceGroup>;
  close(): Promise<void>;
};

export const PUBLICATION_FILE = /^([FNR]\d+(?:-\d+)?)\.(json|xml)$/i;

export const MAX_FILE_BYTES = 32 * 1024 * 1024;

const AUDIENCE_FOLDERS: Record<string, AudienceName> = {
  particuliers: "particuliers",
  professionnels: "professionnels",
  associations: "associations",
};

/** The audience a folder name stands for ("…/professionnels/F1.xml" → professionnels). */
export function audienceOfPath(segments: string[]): AudienceName | undefined {
  for (let i = segments.length - 2; i >= 0; i--) {
    const hint = AUDIENCE_FOLDERS[(segments[i] ?? "").toLowerCase()];
    if (hint) return hint;
  }
  return undefined;
}

/** Groups files by announced id; files with other names stay alone (they may still hold a publication). */
export function groupFiles<T extends { name: string }>(
  files: T[],
): { groups: { idHint: string | undefined; files: T[] }[]; idHints: Set<string> } {
  const byId = new Map<string, T[]>();
  const groups: { idHint: string | undefined; files: T[] }[] = [];
  for (const file of files) {
    const base = file.name.split("/").at(-1) ?? file.name;
    const id = PUBLICATION_FILE.exec(base)?.[1]?.toUpperCase();
    if (!id) {
      groups.push({ idHint: undefined, files: [file] });
      continue;
    }
    const existing = byId.get(id);
    if (existing) existing.push(file);
    else {
      const list = [file];
      byId.set(id, list);
      groups.push({ idHint: id, files: list });
    }
  }
  return { groups, idHints: new Set(byId.keys()) };
}
