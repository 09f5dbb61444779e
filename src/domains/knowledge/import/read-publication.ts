/**
 * Reads one group of files (the same publication under several audiences) into one row.
 * The tree comes from the first audience in AUDIENCE_ORDER; the audiences are all those found.
 * A file that cannot be read is rejected with a French reason; its siblings still count.
 */
import type { XmlNode } from "../../../shared/database.ts";
import {
  type AudienceName,
  audienceFromLabel,
  FicheParseError,
  findPublication,
} from "../fiche-model/parse-fiche.ts";
import { firstElement, textOf } from "../fiche-model/xml-tree.ts";
import { AUDIENCE_ORDER, type PreparedFiche, prepareFiche } from "./fiche-row.ts";
import type { ImportRejection } from "./import-report.ts";
import { SourceFileError, type SourceGroup } from "./sources/fiche-source.ts";

export type GroupResult = {
  fiche: PreparedFiche | undefined;
  /** The file that gave the tree. */
  file: string | undefined;
  rejected: ImportRejection[];
  /** Well-formed files that are not publications (menus, glossaries…): ignored quietly. */
  ignored: number;
};

const rank = (audience: AudienceName) => AUDIENCE_ORDER.indexOf(audience);

export async function readPublicationGroup(group: SourceGroup): Promise<GroupResult> {
  const result: GroupResult = { fiche: undefined, file: undefined, rejected: [], ignored: 0 };
  const audiences = new Set<AudienceName>();
  let chosen: { tree: XmlNode; file: string; rank: number } | undefined;
  // Files whose folder names the audience are sorted so the preferred tree is read first.
  const files = [...group.files].sort(
    (a, b) => (a.audienceHint ? rank(a.audienceHint) : 9) - (b.audienceHint ? rank(b.audienceHint) : 9),
  );

  for (const file of files) {
    if (chosen && file.audienceHint && rank(file.audienceHint) >= chosen.rank) {
      // The folder already tells the audience: no need to read a tree we would not keep.
      audiences.add(file.audienceHint);
      continue;
    }
    let tree: XmlNode;
    try {
      tree = await file.read();
    } catch (error) {
      if (!(error instanceof SourceFileError)) throw error;
      result.rejected.push({ file: file.file, reason: error.message });
      continue;
    }
    const publication = findPublication(tree);
    if (!publication) {
      if (group.idHint) result.rejected.push({ file: file.file, reason: "élément <Publication> absent" });
      else result.ignored++;
      continue;
    }
    const audience =
      file.audienceHint ?? audienceFromLabel(textOf(firstElement(publication, "Audience"))) ?? "particuliers";
    audiences.add(audience);
    if (!chosen || rank(audience) < chosen.rank) chosen = { tree, file: file.file, rank: rank(audience) };
  }

  if (!chosen) return result;
  try {
    result.fiche = prepareFiche({ tree: chosen.tree, audiences });
    result.file = chosen.file;
  } catch (error) {
    if (!(error instanceof FicheParseError)) throw error;
    result.rejected.push({ file: chosen.file, reason: error.message });
  }
  return result;
}
