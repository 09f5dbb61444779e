/** What the index holds: fiches and published local items turned into one document shape. */
import type { Audience, SearchResultType } from "./search.types.ts";

export type SearchDocument = {
  id: string;
  type: SearchResultType;
  title: string;
  url: string;
  /** Audiences the document is published for; null means every audience (local content). */
  audiences: Audience[] | null;
  /** Other phrasings of the title (FAQ alternative questions). */
  questions: string;
  description: string;
  /** Where it sits: breadcrumb and subject. */
  context: string;
  body: string;
  /** The folder the document belongs to (or is), for grouping related pages; null if none. */
  folder: string | null;
  /** Ranking prior, 1 for a plain information page (see `documentPrior`). */
  prior: number;
  /** The page answers one question, its title (a Q&R page, a FAQ entry): see rerank.ts. */
  answersOneQuestion?: boolean;
};

/** The columns of `fiches` that search reads (never the tree). */
export type FicheRecord = {
  id: string;
  kind: "F" | "N" | "R";
  publication_type: string;
  audiences: string[];
  title: string;
  description: string;
  subject: string;
  breadcrumb: { id: string; title: string }[];
  search_text: string;
};

export type LocalItemRecord = {
  id: string;
  kind: "procedure" | "faq" | "news";
  slug: string;
  title: string;
  summary: string;
  body: string;
  alt_questions: string[];
};

const AUDIENCES: ReadonlySet<string> = new Set(["particuliers", "professionnels", "associations"]);

/**
 * Citizens ask how to do something: information pages answer that, folders and forms are
 * second best. Measured on the eval set (bench/search-eval.ts), not guessed.
 */
export function documentPrior(kind: FicheRecord["kind"], publicationType: string): number {
  if (kind === "N") return publicationType === "Theme" ? 0.5 : 0.7;
  if (kind === "R") return 0.6;
  if (publicationType.startsWith("Fiche Question-réponse")) return 0.85;
  if (publicationType === "Recherche guidée") return 0.6;
  return 1;
}

/**
 * The folder (a "Dossier", below a theme) a publication sits in, from its breadcrumb
 * (root, theme, folder, itself); a folder is its own group. Themes are too broad to group by.
 */
function folderOf(fiche: FicheRecord): string | null {
  if (fiche.kind === "N") return fiche.publication_type === "Dossier" ? fiche.id : null;
  const above = fiche.breadcrumb.filter((crumb) => crumb.id !== fiche.id);
  return above.length >= 3 && /^N\d/.test(above[2]?.id ?? "") ? (above[2]?.id ?? null) : null;
}

export function ficheToDocument(fiche: FicheRecord): SearchDocument {
  // The root ("Accueil particuliers") and the fiche itself add nothing to the context.
  const crumbs = fiche.breadcrumb.filter((crumb, index) => index > 0 && crumb.id !== fiche.id);
  return {
    id: fiche.id,
    type: "fiche",
    title: fiche.title,
    url: `/fiches/${encodeURIComponent(fiche.id)}`,
    audiences: fiche.audiences.filter((a): a is Audience => AUDIENCES.has(a)),
    questions: "",
    description: fiche.description,
    context: [...crumbs.map((crumb) => crumb.title), fiche.subject].join(" \n "),
    body: fiche.search_text,
    folder: folderOf(fiche),
    prior: documentPrior(fiche.kind, fiche.publication_type),
    answersOneQuestion: fiche.publication_type.startsWith("Fiche Question-réponse"),
  };
}

const LOCAL_URLS: Record<LocalItemRecord["kind"], (slug: string) => string> = {
  faq: (slug) => `/faq#${slug}`,
  procedure: (slug) => `/demarches/${slug}`,
  news: (slug) => `/actualites/${slug}`,
};

export function localItemToDocument(item: LocalItemRecord): SearchDocument {
  return {
    id: `${item.kind}:${item.id}`,
    type: item.kind,
    title: item.title,
    url: LOCAL_URLS[item.kind](encodeURIComponent(item.slug)),
    audiences: null,
    questions: item.alt_questions.join(" \n "),
    description: item.summary,
    context: "",
    body: item.body,
    folder: null,
    // The town's own answers are the most specific to its citizens; news ages, so it ranks lower.
    prior: item.kind === "news" ? 0.8 : 1.2,
    answersOneQuestion: item.kind === "faq",
  };
}
