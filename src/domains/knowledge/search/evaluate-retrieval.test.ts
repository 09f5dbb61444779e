import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAppError } from "../../../shared/app-error.ts";
import {
  type EvalQuestion,
  evaluateRetrieval,
  parseEvalQuestions,
  quantile,
  scoreRanking,
  summariseScores,
} from "./evaluate-retrieval.ts";

const question = (relevant: string[], exclude: string[] = []): EvalQuestion => ({
  question: "q",
  relevant,
  exclude,
  audience: [],
  line: 1,
});

describe("retrieval metrics", () => {
  it("matches metrics computed by hand on four rankings", () => {
    const scores = [
      // The excluded X is dropped, so A is first: hit@1, rr 1, recall 1.
      scoreRanking(["X", "A", "B"], question(["A"], ["X"])),
      // C third (rr 1/3); D sixth, outside the top 5: recall 1/2.
      scoreRanking(["A", "B", "C", "E", "F", "D"], question(["C", "D"])),
      // Z eleventh: outside the top 10, counts for nothing.
      scoreRanking(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "Z"], question(["Z"])),
      // E seventh: no hit@5 but rr 1/7.
      scoreRanking(["A", "B", "C", "D", "F", "G", "E"], question(["E"])),
    ];
    assert.deepEqual(
      scores.map((s) => s.firstRank),
      [0, 2, -1, 6],
    );
    const metrics = summariseScores(scores);
    assert.equal(metrics.n, 4);
    assert.equal(metrics.hit1, 0.25);
    assert.equal(metrics.hit5, 0.5);
    assert.equal(metrics.recall5, 0.375);
    assert.ok(Math.abs(metrics.mrr10 - 31 / 84) < 1e-12, String(metrics.mrr10));
  });

  it("asks the ranker for enough ids to fill 10 once excluded ids are dropped", () => {
    const limits: number[] = [];
    const [result] = evaluateRetrieval({
      questions: [question(["B"], ["X", "Y"])],
      rank: (_q, limit) => {
        limits.push(limit);
        return ["X", "B"];
      },
    });
    assert.deepEqual(limits, [12]);
    assert.equal(result?.firstRank, 0);
  });

  it("asks every question once untimed first when warming up", () => {
    const asked: string[] = [];
    const questions = [
      { ...question(["A"]), question: "q1" },
      { ...question(["B"]), question: "q2" },
    ];
    const results = evaluateRetrieval({
      questions,
      warmUp: true,
      rank: (q) => {
        asked.push(q.question);
        return ["A"];
      },
    });
    assert.deepEqual(asked, ["q1", "q2", "q1", "q2"]);
    assert.deepEqual(
      results.map((r) => r.firstRank),
      [0, -1],
    );
  });

  it("takes nearest-rank quantiles", () => {
    assert.equal(quantile([5, 1, 4, 2, 3], 0.5), 3);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95), 10);
    assert.equal(quantile([], 0.5), 0);
  });
});

describe("eval file", () => {
  it("reads questions, skipping blank lines, with optional exclude and audience", () => {
    const questions = parseEvalQuestions(
      '{"question":"Perte passeport ?","relevant":["F1"],"exclude":["F2"]}\n\n{"question":"Pacs ?","relevant":["F3"],"audience":["particuliers"]}\n',
    );
    assert.deepEqual(
      questions.map((q) => [q.line, q.question, q.exclude, q.audience]),
      [
        [1, "Perte passeport ?", ["F2"], []],
        [3, "Pacs ?", [], ["particuliers"]],
      ],
    );
  });

  const refusals: [string, string][] = [
    [
      '{"question":"a","relevant":["F1"]}\n{oops',
      "Ligne 2 du fichier d'évaluation : ce n'est pas un objet JSON valide.",
    ],
    [
      '{"question":"a","relevant":[]}',
      "Ligne 1 du fichier d'évaluation : le champ « relevant » doit être une liste non vide d'identifiants.",
    ],
    [
      '{"relevant":["F1"]}',
      "Ligne 1 du fichier d'évaluation : le champ « question » doit être un texte non vide.",
    ],
    [
      '{"question":"a","relevant":["F1"],"exclude":"F2"}',
      "Ligne 1 du fichier d'évaluation : le champ « exclude » doit être une liste d'identifiants.",
    ],
    ["[1]", "Ligne 1 du fichier d'évaluation : un objet JSON est attendu."],
    ["\n\n", "Le fichier d'évaluation ne contient aucune question."],
  ];
  for (const [text, message] of refusals) {
    it(`refuses: ${message}`, () => {
      assert.throws(
        () => parseEvalQuestions(text),
        (error) => isAppError(error) && error.code === "BAD_REQUEST" && error.userMessage === message,
      );
    });
  }
});
