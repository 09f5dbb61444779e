/**
 * The whole service-public.fr catalogue of the npm package as the assistant sees it — search index and
 * passages — without a database: for full-corpus assistant tests and benchmarks. Passages are cut
 * from the package's trees on demand, as the product cuts them from the stored trees.
 */
import fs from "node:fs";
import path from "node:path";
import { findPublication, parseFiche } from "../../src/domains/knowledge/fiche-model/parse-fiche.ts";
import {
  extractFichePassages,
  extractFolderChildren,
  type PagePassages,
  type PassageStore,
} from "../../src/domains/knowledge/passages/index.ts";
import {
  loadPackageFicheRecords,
  packageDataDir,
} from "../../src/domains/knowledge/search/package-corpus.ts";
import type { SearchEngine } from "../../src/domains/knowledge/search/search.types.ts";
import { ficheToDocument, type SearchDocument } from "../../src/domains/knowledge/search/search-documents.ts";
import { buildSearchIndex, querySearchIndex } from "../../src/domains/knowledge/search/search-index.ts";
import type { XmlNode } from "../../src/shared/database.ts";

const AUDIENCES = ["particuliers", "professionnels", "associations"] as const;

export type PackageKnowledge = { search: SearchEngine; passages: PassageStore; documents: SearchDocument[] };

function packagePage(id: string): PagePassages | null {
  for (const audience of AUDIENCES) {
    const file = path.join(packageDataDir(), audience, `${id}.json`);
    if (!fs.existsSync(file)) continue;
    const tree = JSON.parse(fs.readFileSync(file, "utf8")) as XmlNode;
    const fiche = parseFiche(tree);
    const publication = findPublication(tree);
    return {
      sourceId: fiche.id,
      title: fiche.title,
      url: `/fiches/${id}`,
      date: fiche.modifiedAt ?? null,
      passages: publication ? extractFichePassages(publication) : [],
      children: publication ? extractFolderChildren(publication) : [],
    };
  }
  return null;
}

/** Extra documents (a town's FAQ) can be added to the index, with their passages. */
export function loadPackageKnowledge(
  extra: { document: SearchDocument; page: PagePassages }[] = [],
): PackageKnowledge {
  const records = loadPackageFicheRecords();
  const folders = records
    .filter((record) => record.kind === "N" && record.publication_type === "Dossier")
    .map((record) => ({ sourceId: record.id, title: record.title }));
  const documents = [...records.map(ficheToDocument), ...extra.map((e) => e.document)];
  const index = buildSearchIndex(documents);
  const extraPages = new Map(extra.map((e) => [e.page.sourceId, e.page]));
  const cache = new Map<string, PagePassages | null>();
  return {
    documents,
    search: {
      async search(request) {
        return querySearchIndex(index, {
          text: request.text,
          audience: request.audience,
          limit: request.limit ?? 10,
        });
      },
    },
    passages: {
      async refresh() {},
      async listFolders() {
        return folders;
      },
      async listLocalQuestions() {
        return extra
          .filter((e) => e.document.type === "faq" || e.document.type === "procedure")
          .map((e) => ({
            sourceId: e.document.id,
            title: e.document.title,
            questions: [e.document.title, ...e.document.questions.split("\n").filter(Boolean)],
          }));
      },
      async getPages(_organisationId, ids) {
        const found = new Map<string, PagePassages>();
        for (const id of ids) {
          if (!cache.has(id)) cache.set(id, extraPages.get(id) ?? packagePage(id));
          const page = cache.get(id);
          if (page) found.set(id, page);
        }
        return found;
      },
    },
  };
}
