import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import { DEFAULT_CALENDAR } from "./business-calendar.ts";
import { calendarFromSettings } from "./calendar-settings.ts";
import { parseCommitmentInput } from "./commitment.ts";
import { parseBusinessHours } from "./update-business-hours.ts";

const valid = {
  label: "  Réponse aux courriels   sous 5 jours ouvrés ",
  measure: "resolution",
  channel: "email",
  delayUnit: "business_days",
  delayAmount: "5",
  targetPercent: "85,5 %",
};

function refusal(run: () => unknown): { code: string; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AppError);
    return { code: error.code, field: error.details?.field, message: error.userMessage };
  }
  throw new Error("expected a refusal");
}

describe("commitment input", () => {
  it("reads the admin form", () => {
    assert.deepEqual(parseCommitmentInput(valid), {
      label: "Réponse aux courriels sous 5 jours ouvrés",
      measure: "resolution",
      channel: "email",
      delay: { unit: "business_days", amount: 5 },
      targetShare: 0.855,
    });
    assert.equal(parseCommitmentInput({ ...valid, channel: "" }).channel, null);
  });

  it("refuses each wrong field with a French message naming the field", () => {
    assert.deepEqual(
      refusal(() => parseCommitmentInput({ ...valid, delayAmount: "2.5" })),
      { code: "BAD_REQUEST", field: "delayAmount", message: "Indiquez un délai entier entre 1 et 1000." },
    );
    assert.equal(refusal(() => parseCommitmentInput({ ...valid, label: " " })).field, "label");
    assert.equal(refusal(() => parseCommitmentInput({ ...valid, channel: "pigeon" })).field, "channel");
    assert.equal(refusal(() => parseCommitmentInput({ ...valid, measure: "vitesse" })).field, "measure");
    assert.deepEqual(
      refusal(() => parseCommitmentInput({ ...valid, targetPercent: "120" })),
      {
        code: "BAD_REQUEST",
        field: "targetPercent",
        message: "Indiquez la part visée en pourcentage, entre 1 et 100 (par exemple 85).",
      },
    );
  });
});

describe("business hours input and stored calendar", () => {
  it("keeps filled periods, normalises times, and refuses overlaps and a closed week", () => {
    assert.deepEqual(
      parseBusinessHours({
        1: [
          { from: "8:30", to: "12:00" },
          { from: "", to: "" },
        ],
        6: [{ from: "09:00", to: "12:00" }],
      }),
      { 1: [["08:30", "12:00"]], 6: [["09:00", "12:00"]] },
    );
    assert.deepEqual(
      refusal(() =>
        parseBusinessHours({
          2: [
            { from: "08:30", to: "12:00" },
            { from: "11:00", to: "17:00" },
          ],
        }),
      ),
      {
        code: "BAD_REQUEST",
        field: "hours.2.1.from",
        message: "L'après-midi doit commencer après la fermeture du matin.",
      },
    );
    assert.equal(refusal(() => parseBusinessHours({ 3: [{ from: "09:00", to: "" }] })).field, "hours.3.0.to");
    assert.equal(
      refusal(() => parseBusinessHours({})).message,
      "Le service doit ouvrir au moins un jour de la semaine.",
    );
  });

  it("falls back to the default calendar when the stored one is missing or malformed", () => {
    assert.equal(calendarFromSettings({}), DEFAULT_CALENDAR);
    assert.equal(
      calendarFromSettings({ calendar: { v: 1, hours: { 1: [["8h", "12h"]] } } }),
      DEFAULT_CALENDAR,
    );
    const stored = {
      v: 1,
      hours: { 2: [["09:00", "12:00"]], 3: [] },
      region: "alsace-moselle",
      closures: [{ from: "2026-08-10", to: "2026-08-14" }],
    };
    assert.deepEqual(calendarFromSettings({ calendar: stored }), {
      hours: { 2: [["09:00", "12:00"]] },
      region: "alsace-moselle",
      closures: [{ from: "2026-08-10", to: "2026-08-14" }],
    });
  });
});
