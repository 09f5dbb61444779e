import assert from "node:assert/strict";
import { it } from "node:test";
import { finalOutcome } from "./conversation-outcome.ts";

it("tells answered, handed off, ongoing and abandoned conversations apart", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const quiet = new Date("2026-05-01T11:00:00Z");
  const at = (
    outcome: "none" | "answered" | "clarified" | "handed_off" | "unanswered",
    state: unknown = { v: 1 },
    lastActivityAt = quiet,
  ) => finalOutcome({ outcome, state, lastActivityAt, now });
  assert.equal(at("answered"), "answered");
  assert.equal(at("unanswered"), "unanswered");
  assert.equal(at("handed_off"), "handed_off");
  assert.equal(at("answered", { v: 1 }, new Date("2026-05-01T11:50:00Z")), "ongoing");
  assert.equal(at("clarified", { v: 1, pending: { query: "carte", choices: [] } }), "abandoned");
  assert.equal(at("answered", { v: 1, awaitingContact: true }), "abandoned");
  assert.equal(at("none"), "abandoned");
});
