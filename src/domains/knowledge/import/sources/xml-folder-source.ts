/** A folder of service-public.fr XML files (any depth; audience sub-folders are recognised). */
import fs from "node:fs";
import path from "node:path";
import type { XmlNode } from "../../../../shared/database.ts";
import { XmlSyntaxError, xmlToTree } from "../xml-to-tree.ts";
import {
  audienceOfPath,
  type FicheSource,
  groupFiles,
  MAX_FILE_BYTES,
  type SourceFile,
  SourceFileError,
} from "./fiche-source.ts";

export function parseXmlFile(bytes: Buffer): XmlNode {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  try {
    return xmlToTree(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new SourceFileError(error.message);
    throw error;
  }
}

async function listXmlFiles(root: string): Promise<{ relative: string[]; others: number }> {
  const relative: string[] = [];
  let others = 0;
  const walk = async (dir: string) => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".xml"))
        relative.push(path.relative(root, full).split(path.sep).join("/"));
      else others++;
    }
  };
  await walk(root);
  return { relative, others };
}

export async function openXmlFolderSource(root: string): Promise<FicheSource> {
  const { relative, others } = await listXmlFiles(root);
  const files = relative.map((name): SourceFile & { name: string } => ({
    name,
    file: name,
    audienceHint: audienceOfPath(name.split("/")),
    read: async () => {
      const full = path.join(root, name);
      if ((await fs.promises.stat(full)).size > MAX_FILE_BYTES) {
        throw new SourceFileError("fichier trop volumineux");
      }
      return parseXmlFile(await fs.promises.readFile(full));
    },
  }));
  const { groups, idHints } = groupFiles(files);
  return {
    label: path.resolve(root),
    fullSet: true,
    total: groups.length,
    idHints,
    ignoredFiles: others,
    async *groups() {
      yield* groups;
    },
    close: async () => {},
  };
}
