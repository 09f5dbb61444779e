/** Checks what a person typed before searching: the refusals and their French messages. */
import { AppError } from "../../../shared/app-error.ts";
import { collapseWhitespace, stripControlCharacters } from "../../../shared/text.ts";
import type { Audience } from "./search.types.ts";

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 50;
export const AUDIENCES: readonly Audience[] = ["particuliers", "professionnels", "associations"];

export const SEARCH_MESSAGES = {
  empty: "Saisissez au moins un mot à rechercher.",
  tooLong: `Votre recherche est trop longue (${MAX_QUERY_LENGTH} caractères au maximum).`,
  badAudience: "Le public demandé est inconnu. Choisissez particuliers, professionnels ou associations.",
};

/** The query as it will be searched: control characters removed, spaces collapsed. */
export function cleanSearchText(raw: string | undefined): string {
  return collapseWhitespace(stripControlCharacters(raw ?? ""));
}

export function parseSearchText(raw: string | undefined): string {
  const text = cleanSearchText(raw);
  if (text.length === 0)
    throw new AppError("BAD_REQUEST", { message: "empty query", userMessage: SEARCH_MESSAGES.empty });
  if (text.length > MAX_QUERY_LENGTH)
    throw new AppError("BAD_REQUEST", { message: "query too long", userMessage: SEARCH_MESSAGES.tooLong });
  return text;
}

export function parseAudience(raw: string | undefined): Audience | undefined {
  if (raw === undefined || raw === "") return undefined;
  const audience = AUDIENCES.find((a) => a === raw);
  if (!audience)
    throw new AppError("BAD_REQUEST", {
      message: "unknown audience",
      userMessage: SEARCH_MESSAGES.badAudience,
    });
  return audience;
}
