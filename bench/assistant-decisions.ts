/**
 * How the assistant decides, over the whole package catalogue (no database): on the eval questions
 * (all answerable) it should answer, and from the right page; on out-of-scope questions it should say
 * it does not know; on one-word questions it should ask. Prints the rates behind the thresholds of
 * src/domains/assistant/find-answer.ts.
 *   npx tsx bench/assistant-decisions.ts [eval.jsonl] [--show]
 */
import fs from "node:fs";
import { DECISION, findAnswer } from "../src/domains/assistant/find-answer.ts";
import { loadPackageKnowledge } from "../test/helpers/package-knowledge.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "/work/shared/eval/qr-dev.jsonl";
const show = args.includes("--show");
const items = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { question: string; relevant: string[]; exclude?: string[] });

const OUT_OF_SCOPE = [
  "Quelle est la recette de la tarte tatin ?",
  "Qui a gagné le match de foot hier soir ?",
  "Raconte-moi une blague",
  "Quel temps fera-t-il demain ?",
  "Quel est le meilleur smartphone en 2026 ?",
  "Comment réparer une fuite de robinet ?",
  "Peux-tu écrire un poème sur la mer ?",
  "Combien de calories dans une banane ?",
  "Quelle est la capitale de l'Australie ?",
  "Conseille-moi un film à regarder ce soir",
  "Comment faire pousser des tomates ?",
  "Quel est le prix du bitcoin ?",
];
const VAGUE = [
  "carte",
  "permis",
  "impôts",
  "aide",
  "logement",
  "passeport",
  "retraite",
  "naissance",
  "travaux",
  "chômage",
];

const knowledge = loadPackageKnowledge();
const organisationId = "bench";
const run = (question: string, exclude: string[] = []) =>
  findAnswer({
    // Like the eval protocol: the question's own page can be dropped from what search returns.
    search: {
      search: async (request) =>
        (await knowledge.search.search({ ...request, limit: (request.limit ?? 10) + exclude.length })).filter(
          (hit) => !exclude.includes(hit.id),
        ),
    },
    passages: knowledge.passages,
    organisationId,
    question,
  });

let answered = 0;
let right = 0;
let clarified = 0;
let none = 0;
const times: number[] = [];
for (const item of items) {
  // The protocol's exclusion: the question's own page is not an acceptable answer.
  const t = performance.now();
  const finding = await run(item.question);
  times.push(performance.now() - t);
  if (finding.kind === "answer") {
    answered++;
    if ([...item.relevant, ...(item.exclude ?? [])].includes(finding.page.sourceId)) right++;
    if (
      show &&
      !item.relevant.includes(finding.page.sourceId) &&
      !(item.exclude ?? []).includes(finding.page.sourceId)
    )
      console.log(`  ✗ ${item.question} → ${finding.page.sourceId} ${finding.page.title}`);
  } else if (finding.kind === "clarify") {
    clarified++;
    if (show) console.log(`  ? ${item.question} → ${finding.options.map((o) => o.title).join(" | ")}`);
  } else {
    none++;
    if (show) console.log(`  ∅ ${item.question}`);
  }
}
const n = items.length;
console.log(
  `eval questions (${n}): answered ${(answered / n).toFixed(3)} (right page ${(right / n).toFixed(3)}: a relevant page or the question's own page), clarified ${(clarified / n).toFixed(3)}, none ${(none / n).toFixed(3)}`,
);
// The harder case: the question has no page of its own (as most citizens' questions): drop it, and
// see what each coverage threshold trades (answers given vs answers from a relevant page).
const chosen = DECISION.minCoverage;
for (const threshold of [0.4, 0.5, 0.6, chosen, 0.8]) {
  DECISION.minCoverage = threshold;
  let given = 0;
  let relevant = 0;
  let offered = 0;
  let offeredRelevant = 0;
  for (const item of items) {
    const finding = await run(item.question, item.exclude ?? []);
    if (finding.kind === "clarify") {
      offered++;
      if (finding.options.some((option) => item.relevant.includes(option.sourceId))) offeredRelevant++;
    }
    if (finding.kind !== "answer") continue;
    given++;
    if (item.relevant.includes(finding.page.sourceId)) relevant++;
  }
  let leaked = 0;
  let leakedChoices = 0;
  for (const question of OUT_OF_SCOPE) {
    const kind = (await run(question)).kind;
    if (kind === "answer") leaked++;
    if (kind === "clarify") leakedChoices++;
  }
  console.log(
    `own page dropped, coverage >= ${threshold}${threshold === chosen ? " (chosen)" : ""}: answered ${(given / n).toFixed(3)}, from a relevant page ${(relevant / n).toFixed(3)} (precision ${(relevant / Math.max(given, 1)).toFixed(2)}); choices offered ${(offered / n).toFixed(3)}, holding a relevant page ${(offeredRelevant / n).toFixed(3)}; out-of-scope answered ${leaked}/${OUT_OF_SCOPE.length}, given choices ${leakedChoices}`,
  );
}
DECISION.minCoverage = chosen;
let refused = 0;
for (const question of OUT_OF_SCOPE) {
  const finding = await run(question);
  if (finding.kind === "none") refused++;
  else if (show)
    console.log(
      `  out-of-scope answered: ${question} → ${finding.kind === "answer" ? finding.page.title : finding.options.map((o) => o.title).join(" | ")}`,
    );
}
console.log(`out-of-scope (${OUT_OF_SCOPE.length}): refused ${refused}`);
let asked = 0;
for (const question of VAGUE) {
  const finding = await run(question);
  if (finding.kind === "clarify") asked++;
  if (show)
    console.log(
      `  vague "${question}" → ${finding.kind}${finding.kind === "clarify" ? `: ${finding.options.map((o) => o.title).join(" | ")}` : finding.kind === "answer" ? `: ${finding.page.title}` : ""}`,
    );
}
console.log(`one-word questions (${VAGUE.length}): clarified ${asked}`);
times.sort((a, b) => a - b);
console.log(
  `findAnswer latency (warm passages on repeat only): median ${times[Math.floor(n / 2)]?.toFixed(2)} ms, p95 ${times[Math.floor(n * 0.95)]?.toFixed(2)} ms`,
);
