/**
 * From a question to what to say: the best passage of the best page, a choice between topics, or
 * nothing good enough. Pages come from search (the same ranking as the site), the passage from the
 * pages' sections. Thresholds were measured with bench/assistant-decisions.ts on the eval questions
 * (all answerable) and on out-of-scope questions, not guessed.
 */
import { POPULAR_PROCEDURE_IDS } from "../knowledge/fiches/index.ts";
import type { PagePassages, PassageStore, RankedPassage } from "../knowledge/passages/index.ts";
import { rankPassages } from "../knowledge/passages/index.ts";
import { analyse } from "../knowledge/search/french-analyzer.ts";
import type { SearchEngine, SearchHit } from "../knowledge/search/search.types.ts";
import { synonymTerms } from "../knowledge/search/synonyms.ts";

export type ChoiceOption = { sourceId: string; title: string };

export type Finding =
  | { kind: "answer"; page: PagePassages; best: RankedPassage; query: string; coverage: number }
  /** "vague": a one- or two-word topic; "unsure": close to an answer, but not enough to assert it. */
  | { kind: "clarify"; options: ChoiceOption[]; query: string; reason: "vague" | "unsure" }
  | { kind: "none"; query: string; coverage?: number };

export const DECISION = {
  /** Pages read for passages. */
  candidates: 4,
  /**
   * Share of the question's words (or synonyms) that the answer itself (page title, passage and its
   * section titles) must hold. With the eval questions' own pages dropped (citizens' phrasings): at 0.7,
   * 58 % answered and 0 of 12 out-of-scope questions; at 0.6, 81 % and 3 of 12 (ADR 0004,
   * bench/assistant-decisions.ts).
   */
  minCoverage: 0.7,
  /** Between this and `minCoverage`, the best pages are offered as choices instead of an answer. */
  unsureCoverage: 0.6,
  unsureChoices: 3,
  /** A question of this many words or fewer is vague ("carte"): offer topics instead of guessing. */
  vagueTerms: 2,
  /** Hits read for pages titled with a vague question's words, when no folder is. */
  vagueHits: 30,
  /** Between two close pages of a precise question, the second must reach this share of the first to ask. */
  closeRatio: 0.7,
  maxChoices: 4,
  /** Hits read from search; the first `candidates` are read for passages. */
  hits: 10,
  /** Previous-topic terms weigh this much beside the follow-up's own when choosing a passage. */
  contextWeight: 0.4,
};

export type FindAnswerInput = {
  search: SearchEngine;
  passages: PassageStore;
  organisationId: string;
  question: string;
  /** The previous topic, for a follow-up: its question joins the search, its page is preferred. */
  context?: { query: string; sourceId: string } | undefined;
  /** A choice was made: answer from this page (or offer its pages, for a folder). */
  onlySourceId?: string | undefined;
};

const termCache = new WeakMap<object, Set<string>>();
const questionTerms = new WeakMap<object, Set<string>[]>();

function termsOf(key: object, text: () => string): Set<string> {
  let terms = termCache.get(key);
  if (!terms) {
    terms = new Set(analyse(text()));
    termCache.set(key, terms);
  }
  return terms;
}

function weightedTerms(question: string, context: string | undefined) {
  const typed = [...new Set(analyse(question))];
  const terms = typed.map((term) => ({ term, weight: 1 }));
  for (const term of synonymTerms(typed)) if (!typed.includes(term)) terms.push({ term, weight: 0.5 });
  if (context) {
    for (const term of new Set(analyse(context)))
      if (!typed.includes(term)) terms.push({ term, weight: DECISION.contextWeight });
  }
  return { typed, terms };
}

/** Share of the question's own words (or one of their synonyms) found in `held`. */
function coverageIn(held: ReadonlySet<string>, typed: string[]): number {
  if (typed.length === 0) return 0;
  let found = 0;
  for (const term of typed) {
    if (held.has(term) || synonymTerms([term]).some((synonym) => held.has(synonym))) found++;
  }
  return found / typed.length;
}

function pageTerms(page: PagePassages): ReadonlySet<string> {
  return termsOf(page, () =>
    [page.title, ...page.passages.map((p) => `${p.headings.join(" ")} ${p.text}`)].join("\n"),
  );
}

/** The words of the answer itself: the page title, the passage and its section titles. */
function answerTerms(page: PagePassages, best: RankedPassage): ReadonlySet<string> {
  return termsOf(
    best.passage,
    () => `${page.title}\n${best.passage.headings.join(" ")}\n${best.passage.text}`,
  );
}

/**
 * The town's own answer (FAQ, procedure) whose question holds the citizen's words, if any: it goes
 * first wherever national pages rank it — "Où faire ma carte d'identité ?" is about the town's office.
 */
async function localAnswer(input: FindAnswerInput, typed: string[]): Promise<string | null> {
  let best: { sourceId: string; coverage: number } | null = null;
  for (const item of await input.passages.listLocalQuestions(input.organisationId)) {
    let questions = questionTerms.get(item);
    if (!questions) {
      questions = item.questions.map((question) => new Set(analyse(question)));
      questionTerms.set(item, questions);
    }
    for (const terms of questions) {
      const coverage = coverageIn(terms, typed);
      if (coverage >= DECISION.minCoverage && (!best || coverage > best.coverage))
        best = { sourceId: item.sourceId, coverage };
    }
  }
  return best?.sourceId ?? null;
}

function distinctOptions(options: ChoiceOption[]): ChoiceOption[] {
  const seen = new Set<string>();
  return options
    .filter((option) => !seen.has(option.title) && seen.add(option.title))
    .slice(0, DECISION.maxChoices);
}

const POPULAR: ReadonlySet<string> = new Set(POPULAR_PROCEDURE_IDS);

/**
 * A one- or two-word question names a topic, not a need. Offer the folders whose title holds the
 * words (service-public.fr groups its pages in folders: "Carte d'identité", "Carte grise"…), those
 * holding the procedures people ask a town hall for most first; a single folder → the pages it holds;
 * no folder → the pages titled with the words, when several are close.
 */
async function topicsOf(input: FindAnswerInput, typed: string[]): Promise<ChoiceOption[] | null> {
  const folders = (await input.passages.listFolders(input.organisationId)).filter((folder) => {
    const title = termsOf(folder, () => folder.title);
    return typed.every((term) => title.has(term));
  });
  if (folders.length >= 2) {
    const pages = await input.passages.getPages(
      input.organisationId,
      folders.map((folder) => folder.sourceId),
    );
    const popularity = (id: string) =>
      (pages.get(id)?.children ?? []).filter((child) => POPULAR.has(child.sourceId)).length;
    const ranked = [...folders].sort(
      (a, b) => popularity(b.sourceId) - popularity(a.sourceId) || a.title.length - b.title.length,
    );
    return distinctOptions(ranked.map((folder) => ({ sourceId: folder.sourceId, title: folder.title })));
  }
  if (folders.length === 1) {
    const folder = (
      await input.passages.getPages(input.organisationId, [(folders[0] as ChoiceOption).sourceId])
    )
      .values()
      .next().value;
    const children = folder?.children ?? [];
    if (children.length >= 2)
      return distinctOptions(children.map((child) => ({ sourceId: child.sourceId, title: child.label })));
  }
  const hits = await input.search.search({
    organisationId: input.organisationId,
    text: input.question,
    limit: DECISION.vagueHits,
  });
  const titled = hits.filter((hit) => {
    const title = termsOf(hit, () => hit.title);
    return typed.every((term) => title.has(term));
  });
  const [first, second] = titled;
  if (first && second && second.score >= DECISION.closeRatio * first.score)
    return distinctOptions(titled.map((hit) => ({ sourceId: hit.id, title: hit.title })));
  return null;
}

export async function findAnswer(input: FindAnswerInput): Promise<Finding> {
  const { typed, terms } = weightedTerms(input.question, input.context?.query);
  if (typed.length === 0 && !input.onlySourceId) return { kind: "none", query: input.question };

  if (!input.context && !input.onlySourceId && typed.length <= DECISION.vagueTerms) {
    const options = await topicsOf(input, typed);
    if (options && options.length >= 2)
      return { kind: "clarify", options, query: input.question, reason: "vague" };
  }

  let candidates: string[];
  if (input.onlySourceId) candidates = [input.onlySourceId];
  else {
    const searchText = input.context ? `${input.context.query} ${input.question}` : input.question;
    const [found, local] = await Promise.all([
      input.search.search({ organisationId: input.organisationId, text: searchText, limit: DECISION.hits }),
      input.context ? null : localAnswer(input, typed),
    ]);
    // News answers only when nothing else does: it ages.
    const hits = found.filter((hit) => hit.type !== "news" || found.length === 1).map((hit) => hit.id);
    candidates = [...new Set([...(local ? [local] : []), ...hits])].slice(0, DECISION.candidates);
    if (input.context && !candidates.includes(input.context.sourceId))
      candidates.push(input.context.sourceId);
  }
  if (candidates.length === 0) return { kind: "none", query: input.question };
  const pages = await input.passages.getPages(input.organisationId, candidates);

  let page = pages.get(candidates[0] as string);
  if (input.context) {
    // The search with the previous topic found the page; the page under discussion is kept only
    // when the new best page does not hold the follow-up's words and it does.
    const contextPage = pages.get(input.context.sourceId);
    if (
      contextPage &&
      (!page || coverageIn(pageTerms(page), typed) < coverageIn(pageTerms(contextPage), typed))
    )
      page = contextPage;
  }
  if (!page) return { kind: "none", query: input.question };
  if (input.onlySourceId && (page.children?.length ?? 0) >= 2) {
    const options = distinctOptions(
      (page.children ?? []).map((child) => ({ sourceId: child.sourceId, title: child.label })),
    );
    return { kind: "clarify", options, query: input.question, reason: "vague" };
  }
  const best = rankPassages([page], terms)[0];
  if (!best) return { kind: "none", query: input.question };
  const covered = coverageIn(answerTerms(page, best), typed);
  if (!input.onlySourceId && covered < DECISION.minCoverage) {
    // Close but not sure: offer the best pages rather than assert one or give up.
    const options = distinctOptions(
      candidates.flatMap((id) => {
        const candidate = pages.get(id);
        return candidate ? [{ sourceId: candidate.sourceId, title: candidate.title }] : [];
      }),
    ).slice(0, DECISION.unsureChoices);
    if (covered >= DECISION.unsureCoverage && options.length >= 2)
      return { kind: "clarify", options, query: input.question, reason: "unsure" };
    return { kind: "none", query: input.question, coverage: covered };
  }
  return { kind: "answer", page, best, query: input.question, coverage: covered };
}
