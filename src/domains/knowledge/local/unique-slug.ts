import { slugify } from "../../../shared/text.ts";
import type { LocalItemKind } from "./local-item.ts";

const FALLBACK: Record<LocalItemKind, string> = {
  procedure: "demarche",
  faq: "question",
  news: "actualite",
};

/** "Horaires de la mairie" → "horaires-de-la-mairie", then "-2", "-3"… when taken. */
export function uniqueSlug(options: {
  title: string;
  kind: LocalItemKind;
  taken: ReadonlySet<string>;
}): string {
  const base = slugify(options.title) || FALLBACK[options.kind];
  if (!options.taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!options.taken.has(candidate)) return candidate;
  }
}
