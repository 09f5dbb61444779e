import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CASE_STATUSES, type CaseStatus } from "./case.ts";
import { type CaseStatusEvent, nextCaseStatus, statusTimestamps } from "./case-status.ts";

// The expected workflow, written out again by hand: every cell of every table is asserted, so a change
// to the transition table must be a deliberate change here too.
const N = "nouveau";
const C = "en_cours";
const W = "en_attente_usager";
const R = "resolu";
const X = "clos";

/** agent_set_status: [from, to] → expected outcome (status or refusal) */
const AGENT_SET: Record<
  CaseStatus,
  Record<CaseStatus, CaseStatus | "unchanged" | "not_allowed" | "final">
> = {
  nouveau: { nouveau: "unchanged", en_cours: C, en_attente_usager: W, resolu: R, clos: X },
  en_cours: { nouveau: "not_allowed", en_cours: "unchanged", en_attente_usager: W, resolu: R, clos: X },
  en_attente_usager: {
    nouveau: "not_allowed",
    en_cours: C,
    en_attente_usager: "unchanged",
    resolu: R,
    clos: X,
  },
  resolu: {
    nouveau: "not_allowed",
    en_cours: C,
    en_attente_usager: "not_allowed",
    resolu: "unchanged",
    clos: X,
  },
  clos: { nouveau: "final", en_cours: "final", en_attente_usager: "final", resolu: "final", clos: "final" },
};

type Expected = CaseStatus | "not_allowed" | "final" | "already_merged";
const EVENTS: { event: CaseStatusEvent; expected: Record<CaseStatus, Expected> }[] = [
  {
    event: { type: "agent_reply" },
    expected: { nouveau: C, en_cours: C, en_attente_usager: W, resolu: R, clos: "final" },
  },
  {
    event: { type: "agent_note" },
    expected: { nouveau: N, en_cours: C, en_attente_usager: W, resolu: R, clos: X },
  },
  {
    event: { type: "citizen_reply" },
    expected: { nouveau: N, en_cours: C, en_attente_usager: C, resolu: C, clos: "final" },
  },
  {
    event: { type: "system_auto_close" },
    expected: {
      nouveau: "not_allowed",
      en_cours: "not_allowed",
      en_attente_usager: "not_allowed",
      resolu: X,
      clos: "final",
    },
  },
  {
    event: { type: "merge_duplicate", alreadyMerged: false },
    expected: { nouveau: X, en_cours: X, en_attente_usager: X, resolu: X, clos: X },
  },
  {
    event: { type: "merge_duplicate", alreadyMerged: true },
    expected: {
      nouveau: "already_merged",
      en_cours: "already_merged",
      en_attente_usager: "already_merged",
      resolu: "already_merged",
      clos: "already_merged",
    },
  },
  {
    event: { type: "merge_target" },
    expected: { nouveau: N, en_cours: C, en_attente_usager: W, resolu: R, clos: "final" },
  },
];

function outcome(from: CaseStatus, event: CaseStatusEvent): string {
  const decision = nextCaseStatus(from, event);
  return decision.ok ? decision.status : decision.refusal;
}

describe("case status machine", () => {
  for (const from of CASE_STATUSES) {
    for (const to of CASE_STATUSES) {
      const expected = AGENT_SET[from][to];
      it(`agent sets ${from} → ${to}: ${expected}`, () => {
        assert.equal(outcome(from, { type: "agent_set_status", to }), expected);
      });
    }
  }

  for (const { event, expected } of EVENTS) {
    for (const from of CASE_STATUSES) {
      it(`${JSON.stringify(event)} from ${from}: ${expected[from]}`, () => {
        assert.equal(outcome(from, event), expected[from]);
      });
    }
  }

  it("reports `changed` only when the status actually moves", () => {
    assert.deepEqual(nextCaseStatus("en_cours", { type: "citizen_reply" }), {
      ok: true,
      status: "en_cours",
      changed: false,
    });
    assert.deepEqual(nextCaseStatus("resolu", { type: "citizen_reply" }), {
      ok: true,
      status: "en_cours",
      changed: true,
    });
    assert.deepEqual(nextCaseStatus("clos", { type: "merge_duplicate", alreadyMerged: false }), {
      ok: true,
      status: "clos",
      changed: false,
    });
  });
});

describe("status timestamps", () => {
  const now = new Date("2026-04-01T10:00:00Z");
  it("starts and stops the waiting clock", () => {
    assert.deepEqual(statusTimestamps("en_cours", "en_attente_usager", now), { waiting_since: now });
    assert.deepEqual(statusTimestamps("en_attente_usager", "en_cours", now), { waiting_since: null });
  });
  it("dates the resolution, clears it on reopening, keeps it on closing", () => {
    assert.deepEqual(statusTimestamps("en_cours", "resolu", now), { resolved_at: now });
    assert.deepEqual(statusTimestamps("resolu", "en_cours", now), { resolved_at: null });
    assert.deepEqual(statusTimestamps("resolu", "clos", now), { closed_at: now });
    assert.deepEqual(statusTimestamps("en_attente_usager", "clos", now), {
      waiting_since: null,
      closed_at: now,
    });
  });
  it("changes nothing when the status stays", () => {
    assert.deepEqual(statusTimestamps("en_cours", "en_cours", now), {});
  });
});
