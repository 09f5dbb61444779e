// The package ships no types; only the part search uses is declared.
declare module "snowball-stemmers" {
  export type Stemmer = { stem(word: string): string };
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}
