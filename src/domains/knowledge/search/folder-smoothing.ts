/**
 * Folder smoothing (cluster-based re-ranking): pages of one service-public.fr folder answer
 * neighbouring questions. When pages of a folder (or the folder itself) rank well, its other pages
 * are likely relevant too.
 */

export type FolderIndex = {
  /** Folder number of each document, -1 when it belongs to none. */
  folders: Int32Array;
  folderCount: number;
  priors: Float32Array;
};

export type FolderSmoothing = {
  /** A document gains this share of the votes for its folder (times its prior and `liftFactor`). */
  share: number;
  /** How many of the best pages vote. */
  depth: number;
  /** A page votes with score × (score / best score) ^ votePower: the best page's folder counts most. */
  votePower: number;
  liftFactor: (doc: number) => number;
  /** Whether a page's title says every typed word: such a best page keeps first place. */
  titleSaysAll: (doc: number) => boolean;
};

export function smoothByFolder(
  index: FolderIndex,
  ranked: { doc: number; score: number }[],
  settings: FolderSmoothing,
): void {
  const mass = new Float64Array(index.folderCount);
  const top = ranked[0]?.score ?? 1;
  for (const { doc, score } of ranked.slice(0, settings.depth)) {
    const folder = index.folders[doc] as number;
    if (folder >= 0) mass[folder] = (mass[folder] as number) + score * (score / top) ** settings.votePower;
  }
  for (const entry of ranked) {
    const folder = index.folders[entry.doc] as number;
    const votes = folder >= 0 ? (mass[folder] as number) : 0;
    if (votes > 0)
      entry.score +=
        settings.share * votes * (index.priors[entry.doc] as number) * settings.liftFactor(entry.doc);
  }
  // The best page whose title says every typed word ("acte de naissance") keeps first place: a
  // folder of several half-matching pages must not push it down.
  const anchor = ranked[0] && settings.titleSaysAll(ranked[0].doc) ? ranked[0] : undefined;
  ranked.sort((a, b) => b.score - a.score);
  const first = ranked[0];
  if (anchor && first && first !== anchor) {
    ranked.splice(ranked.indexOf(anchor), 1);
    // Scores stay in rank order for callers that compare them (the assistant's "close second").
    anchor.score = first.score;
    ranked.unshift(anchor);
  }
}
