import assert from "node:assert/strict";
import { it } from "node:test";
import { slaLabel } from "./sla-labels.ts";

const dueAt = new Date("2026-04-10T15:30:00Z");

it("words the SLA clock in French, late states marked", () => {
  assert.deepEqual(slaLabel({ state: "running", dueAt, left: { unit: "hours", minutes: 200 } }), {
    text: "reste 3 h ouvrées",
    late: false,
  });
  assert.equal(
    slaLabel({ state: "running", dueAt, left: { unit: "hours", minutes: 30 } }).text,
    "reste moins d'une heure ouvrée",
  );
  assert.deepEqual(slaLabel({ state: "late", dueAt, late: { unit: "days", days: 2 } }), {
    text: "en retard de 2 jours ouvrés",
    late: true,
  });
  assert.equal(
    slaLabel({ state: "late", dueAt, late: { unit: "days", days: 1 } }).text,
    "en retard de 1 jour ouvré",
  );
  assert.deepEqual(slaLabel({ state: "paused", dueAt, late: null }), {
    text: "en pause (attente usager)",
    late: false,
  });
  assert.equal(slaLabel({ state: "missed", dueAt }).late, true);
});
