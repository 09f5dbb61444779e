import assert from "node:assert/strict";
import { it } from "node:test";
import { groupQuestions } from "./list-unanswered-questions.ts";

it("groups questions sharing most of their words, biggest group first", () => {
  const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, "0")}T10:00:00Z`);
  const groups = groupQuestions([
    {
      id: "a",
      question: "horaires piscine",
      terms: ["horair", "piscin"],
      reason: "no_match",
      createdAt: at(20),
    },
    { id: "b", question: "encombrants", terms: ["encombr"], reason: "no_match", createdAt: at(19) },
    {
      id: "c",
      question: "horaires de la piscine municipale",
      terms: ["horair", "piscin", "municipal"],
      reason: "not_helpful",
      createdAt: at(18),
    },
    { id: "d", question: "piscine tarif", terms: ["piscin", "tarif"], reason: "no_match", createdAt: at(17) },
  ]);
  assert.deepEqual(
    groups.map((g) => ({ question: g.question, ids: g.ids, notHelpful: g.notHelpfulCount })),
    [
      { question: "horaires piscine", ids: ["a", "c"], notHelpful: 1 },
      { question: "encombrants", ids: ["b"], notHelpful: 0 },
      { question: "piscine tarif", ids: ["d"], notHelpful: 0 },
    ],
  );
  assert.deepEqual(groups[0]?.phrasings, ["horaires de la piscine municipale"]);
});
