/** The search port used by HTTP routes and (later) the assistant. Implemented in this folder. */
export type Audience = "particuliers" | "professionnels" | "associations";

export type SearchResultType = "fiche" | "procedure" | "faq" | "news";

export type SearchHit = {
  /** Fiche id ("F21089") or local item id ("faq:<uuid>", "procedure:<uuid>", "news:<uuid>"). */
  id: string;
  title: string;
  type: SearchResultType;
  url: string;
  /** Plain text excerpt around the matched words. */
  snippet: string;
  /** Words of the query as found in the text, so a page can highlight them. */
  matchedTerms: string[];
  score: number;
};

export type SearchRequest = {
  organisationId: string;
  text: string;
  audience?: Audience;
  limit?: number;
};

export type SearchEngine = {
  search(request: SearchRequest): Promise<SearchHit[]>;
};
