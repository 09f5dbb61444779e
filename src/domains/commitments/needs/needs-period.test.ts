import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../../shared/app-error.ts";
import { parseNeedsPeriod, periodDays, recentQuarters } from "./needs-period.ts";

const TODAY = "2026-03-15";

function refusal(params: Parameters<typeof parseNeedsPeriod>[0]): { field: unknown; message: string } {
  try {
    parseNeedsPeriod(params, TODAY);
  } catch (error) {
    assert.ok(error instanceof AppError && error.code === "BAD_REQUEST");
    return { field: error.details?.field, message: error.userMessage };
  }
  assert.fail("expected a refusal");
}

describe("parseNeedsPeriod", () => {
  it("defaults to the last 30 days, today included", () => {
    const parsed = parseNeedsPeriod({}, TODAY);
    assert.deepEqual(parsed.period, { from: "2026-02-14", to: "2026-03-15" });
    assert.equal(periodDays(parsed.period), 30);
    assert.deepEqual(parsed.params, { periode: "30j" });
  });

  it("reads a month, a quarter (this one by default) and two dates", () => {
    assert.deepEqual(parseNeedsPeriod({ periode: "mois", mois: "2024-02" }, TODAY).period, {
      from: "2024-02-01",
      to: "2024-02-29",
    });
    assert.deepEqual(parseNeedsPeriod({ periode: "mois" }, TODAY).period, {
      from: "2026-03-01",
      to: "2026-03-31",
    });
    assert.deepEqual(parseNeedsPeriod({ periode: "trimestre", trimestre: "2025-T4" }, TODAY).period, {
      from: "2025-10-01",
      to: "2025-12-31",
    });
    assert.deepEqual(parseNeedsPeriod({ periode: "trimestre" }, TODAY).period, {
      from: "2026-01-01",
      to: "2026-03-31",
    });
    const dates = parseNeedsPeriod({ du: "2026-01-05", au: "2026-01-05" }, TODAY);
    assert.equal(dates.choice, "dates", "dates alone mean dates");
    assert.deepEqual(dates.period, { from: "2026-01-05", to: "2026-01-05" });
    assert.deepEqual(dates.params, { periode: "dates", du: "2026-01-05", au: "2026-01-05" });
  });

  it("refuses malformed values with a French message on the field", () => {
    assert.deepEqual(refusal({ periode: "mois", mois: "2026-13" }).field, "mois");
    assert.deepEqual(refusal({ periode: "trimestre", trimestre: "2026-T5" }).field, "trimestre");
    assert.deepEqual(refusal({ du: "2026-02-30" }), {
      field: "du",
      message: "La date de début n'est pas une date valide (format AAAA-MM-JJ).",
    });
    assert.deepEqual(refusal({ du: "2026-03-02", au: "2026-03-01" }), {
      field: "au",
      message: "La date de fin doit être le même jour ou après la date de début.",
    });
    assert.equal(
      refusal({ du: "2020-01-01", au: "2026-01-01" }).message,
      "La période ne peut pas dépasser trois ans.",
    );
  });

  it("offers the recent quarters, newest first, across years", () => {
    assert.deepEqual(recentQuarters(TODAY, 3), ["2026-T1", "2025-T4", "2025-T3"]);
  });
});
