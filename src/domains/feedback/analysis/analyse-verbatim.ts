/**
 * What a free-text answer says, computed once when the answer is stored (on text already scrubbed of
 * personal data): a French sentiment score and stable topic labels. Contract shared by the submission
 * use case and the analysis.
 */
import { frenchSentiment } from "./french-sentiment.ts";
import { detectVerbatimTopics } from "./verbatim-topics.ts";

export type VerbatimAnalysis = {
  /** -1 (négatif) … 1 (positif); null when the text says nothing either way. */
  sentiment: number | null;
  /** Stable topic ids ("delais", "accueil", "site-internet"…), see verbatim-topics.ts. */
  topics: string[];
};

export function analyseVerbatim(text: string): VerbatimAnalysis {
  if (text.trim() === "") return { sentiment: null, topics: [] };
  return { sentiment: frenchSentiment(text), topics: detectVerbatimTopics(text) };
}
