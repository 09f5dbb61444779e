/**
 * French stop words, written accent-folded. Negations (ne, pas, sans, non, aucun, jamais, ni, rien,
 * personne, plus) are deliberately absent: "sans emploi" and "avec emploi" must not look alike.
 */
export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a au aux avec ce ces c ca cela celle celles celui ceux cet cette d dans de des du elle elles en et
  es est etre eu il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n nos notre nous
  on ou par pour qu que qui s sa se ses si son sur t ta te tes toi ton tu un une vos votre vous y
  suis es sommes etes sont serai sera serons seront etais etait etions etiez etaient ete
  ai as avons avez ont aura auront avait avaient ayant
  comment quel quelle quels quelles quoi ou quand combien dont lequel laquelle lesquels lesquelles
  peut peuvent puis doit doivent faut il-y-a cas etc ainsi alors aussi donc or car
  mon ma mes ton ta tes
  tout tous toute toutes`
    .split(/\s+/)
    .filter(Boolean),
);

/** Elided articles and pronouns before an apostrophe ("l'", "d'", "qu'", "jusqu'"…), accent-folded. */
export const ELISIONS: ReadonlySet<string> = new Set([
  "l",
  "d",
  "j",
  "m",
  "t",
  "s",
  "c",
  "qu",
  "jusqu",
  "lorsqu",
  "puisqu",
  "quoiqu",
  "presqu",
]);
