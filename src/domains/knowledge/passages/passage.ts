/** A part of a page that answers one thing: a situation, a chapter, a case, an FAQ answer. */
export type Passage = {
  /** Section titles from the top of the page to this part ("Vous êtes majeur", "Coût"); empty for the introduction. */
  headings: string[];
  /** Plain text, one block (paragraph, list item) a line. */
  text: string;
};

/** The passages of one page, with what a citation needs. */
export type PagePassages = {
  sourceId: string;
  title: string;
  /** Path of the whole page on this site ("/fiches/F1341"). */
  url: string;
  /** Last modification, ISO date, or null. */
  date: string | null;
  passages: Passage[];
  /** For a folder ("Dossier"): the pages it holds, in its order, to offer as choices. */
  children?: { sourceId: string; label: string }[];
};
