import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ImprovementActionStatus, SuggestionStatus } from "../../../shared/database.ts";
import {
  ACTION_STATUSES,
  actionStatusDates,
  nextActionStatus,
  SUGGESTION_TRANSITIONS,
} from "./action-status.ts";

// Written out again by hand, every cell: a change to the table must be deliberate here too.
type Outcome = ImprovementActionStatus | "unchanged" | "not_allowed";
const E = "envisagee";
const C = "en_cours";
const R = "realisee";
const A = "abandonnee";
const EXPECTED: Record<ImprovementActionStatus, Record<ImprovementActionStatus, Outcome>> = {
  envisagee: { envisagee: "unchanged", en_cours: C, realisee: R, abandonnee: A },
  en_cours: { envisagee: "not_allowed", en_cours: "unchanged", realisee: R, abandonnee: A },
  realisee: { envisagee: "not_allowed", en_cours: C, realisee: "unchanged", abandonnee: "not_allowed" },
  abandonnee: { envisagee: E, en_cours: "not_allowed", realisee: "not_allowed", abandonnee: "unchanged" },
};

describe("improvement action status machine", () => {
  for (const from of ACTION_STATUSES) {
    for (const to of ACTION_STATUSES) {
      it(`${from} → ${to}: ${EXPECTED[from][to]}`, () => {
        const decision = nextActionStatus(from, to);
        assert.equal(decision.ok ? decision.status : decision.refusal, EXPECTED[from][to]);
      });
    }
  }

  const now = new Date("2026-05-04T09:00:00Z");
  const earlier = new Date("2026-04-01T09:00:00Z");
  it("dates the start once, the realisation, and clears it on reopening", () => {
    assert.deepEqual(actionStatusDates("envisagee", "en_cours", now, null), { started_at: now });
    assert.deepEqual(actionStatusDates("en_cours", "realisee", now, earlier), { realised_at: now });
    assert.deepEqual(actionStatusDates("envisagee", "realisee", now, null), {
      started_at: now,
      realised_at: now,
    });
    assert.deepEqual(actionStatusDates("realisee", "en_cours", now, earlier), { realised_at: null });
    assert.deepEqual(actionStatusDates("abandonnee", "envisagee", now, null), { abandoned_at: null });
  });
});

describe("suggestion status", () => {
  const table: Record<string, Record<SuggestionStatus, SuggestionStatus | null>> = {
    file: { nouvelle: "classee", retenue: null, classee: null },
    reopen: { nouvelle: null, retenue: null, classee: "nouvelle" },
    take_up: { nouvelle: "retenue", retenue: "retenue", classee: "retenue" },
  };
  it("files, reopens and takes up as written", () => {
    assert.deepEqual(SUGGESTION_TRANSITIONS, table);
  });
});
