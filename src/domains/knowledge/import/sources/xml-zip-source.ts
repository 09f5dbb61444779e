/**
 * A .zip of service-public.fr XML files, read with yauzl: the central directory is listed first
 * (names only), then each entry is inflated on demand, so the archive never sits in memory.
 */
import path from "node:path";
import yauzl from "yauzl";
import { AppError } from "../../../../shared/app-error.ts";
import {
  audienceOfPath,
  type FicheSource,
  groupFiles,
  MAX_FILE_BYTES,
  type SourceFile,
  SourceFileError,
} from "./fiche-source.ts";
import { parseXmlFile } from "./xml-folder-source.ts";

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (entry.uncompressedSize > MAX_FILE_BYTES) {
      reject(new SourceFileError("fichier trop volumineux"));
      return;
    }
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(new SourceFileError(`entrée illisible dans l'archive : ${error.message}`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("end", () => resolve(Buffer.concat(chunks)));
      stream.once("error", (streamError: Error) =>
        reject(new SourceFileError(`entrée illisible dans l'archive : ${streamError.message}`)),
      );
    });
  });
}

export async function openXmlZipSource(file: string): Promise<FicheSource> {
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(file);
    entries = await listEntries(zip);
  } catch (error) {
    throw new AppError("BAD_REQUEST", {
      message: `not a readable zip: ${(error as Error).message}`,
      userMessage: `${file} n'est pas une archive .zip lisible.`,
      cause: error,
    });
  }
  const xmlEntries = entries.filter((e) => !e.fileName.endsWith("/") && /\.xml$/i.test(e.fileName));
  const ignoredFiles = entries.filter((e) => !e.fileName.endsWith("/")).length - xmlEntries.length;
  const files = xmlEntries.map((entry): SourceFile & { name: string } => ({
    name: entry.fileName,
    file: entry.fileName,
    audienceHint: audienceOfPath(entry.fileName.split("/")),
    read: async () => parseXmlFile(await readEntry(zip, entry)),
  }));
  const { groups, idHints } = groupFiles(files);
  return {
    label: path.resolve(file),
    fullSet: true,
    total: groups.length,
    idHints,
    ignoredFiles,
    async *groups() {
      yield* groups;
    },
    close: async () => zip.close(),
  };
}
