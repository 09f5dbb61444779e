import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAppError } from "../../../shared/app-error.ts";
import { monthsOf, parseResultsPeriod, recentPeriodChoices } from "./results-period.ts";

const today = "2026-05-12";

function refusal(run: () => unknown): [unknown, string] {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return [error.details?.field, error.userMessage];
  }
  assert.fail("expected a refusal");
}

describe("results periods", () => {
  it("turns a month, a quarter, a year or two days into Paris days, both included", () => {
    assert.deepEqual(parseResultsPeriod({ choice: "mois:2024-02", today }), {
      from: "2024-02-01",
      to: "2024-02-29",
    });
    assert.deepEqual(parseResultsPeriod({ choice: "trimestre:2026-1", today }), {
      from: "2026-01-01",
      to: "2026-03-31",
    });
    assert.deepEqual(parseResultsPeriod({ choice: "annee:2025", today }), {
      from: "2025-01-01",
      to: "2025-12-31",
    });
    assert.deepEqual(parseResultsPeriod({ choice: "dates", du: "2026-04-03", au: "2026-05-11", today }), {
      from: "2026-04-03",
      to: "2026-05-11",
    });
  });

  it("refuses unfinished, reversed, malformed and over-long periods with a French message on the field", () => {
    assert.deepEqual(
      refusal(() => parseResultsPeriod({ choice: "mois:2026-05", today })),
      ["periode", "La période doit être terminée : choisissez une période qui finit au plus tard hier."],
    );
    assert.equal(
      refusal(() => parseResultsPeriod({ choice: "dates", du: "2026-04-03", au: "2026-05-12", today }))[0],
      "au",
    );
    assert.deepEqual(
      refusal(() => parseResultsPeriod({ choice: "dates", du: "2026-04-03", au: "2026-04-02", today })),
      ["au", "La date de fin doit être le même jour ou après la date de début."],
    );
    assert.equal(
      refusal(() => parseResultsPeriod({ choice: "dates", du: "2026-02-30", au: "2026-03-01", today }))[0],
      "du",
    );
    assert.equal(
      refusal(() => parseResultsPeriod({ choice: "dates", du: "2020-01-01", au: "2024-01-01", today }))[0],
      "du",
    );
    assert.equal(refusal(() => parseResultsPeriod({ choice: "mois:2026-13", today }))[0], "periode");
    assert.equal(refusal(() => parseResultsPeriod({ choice: "", today }))[0], "periode");
  });

  it("cuts a period into its calendar months", () => {
    assert.deepEqual(monthsOf({ from: "2025-12-15", to: "2026-02-10" }), [
      { from: "2025-12-15", to: "2025-12-31" },
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2026-02-01", to: "2026-02-10" },
    ]);
    assert.equal(monthsOf({ from: "2026-03-01", to: "2026-03-31" }).length, 1);
  });

  it("offers the last finished months, quarters and years", () => {
    const offered = recentPeriodChoices("2026-01-15");
    assert.deepEqual(offered.months.slice(0, 2), ["mois:2025-12", "mois:2025-11"]);
    assert.equal(offered.months.length, 12);
    assert.deepEqual(offered.quarters, [
      "trimestre:2025-4",
      "trimestre:2025-3",
      "trimestre:2025-2",
      "trimestre:2025-1",
    ]);
    assert.deepEqual(offered.years, ["annee:2025", "annee:2024"]);
    assert.deepEqual(recentPeriodChoices("2026-05-12").quarters[0], "trimestre:2026-1");
  });
});
