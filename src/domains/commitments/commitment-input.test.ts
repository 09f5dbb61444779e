import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import { DEFAULT_CALENDAR } from "./business-calendar.ts";
import { calendarFromSettings } from "./calendar-settings.ts";
import { parseCommitmentInput } from "./commitment.ts";
import { parseBusinessHours } from "./update-business-hours.ts";

const LOCAL = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";

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
      topic: null,
      topicField: null,
      delay: { unit: "business_days", amount: 5 },
      targetShare: 0.855,
    });
    assert.equal(parseCommitmentInput({ ...valid, channel: "" }).channel, null);
  });

  it("reads a procedure: a fiche by its id or address, or one of the town's procedures", () => {
    const scope = (form: { procedure?: string; fiche?: string }) => {
      const checked = parseCommitmentInput({ ...valid, ...form });
      return [checked.topic, checked.topicField];
    };
    assert.deepEqual(scope({ fiche: " f1427 " }), ["F1427", "fiche"]);
    assert.deepEqual(scope({ fiche: "https://www.service-public.fr/particuliers/vosdroits/F1342" }), [
      "F1342",
      "fiche",
    ]);
    assert.deepEqual(scope({ procedure: `local:${LOCAL.toUpperCase()}`, fiche: "" }), [
      `local:${LOCAL}`,
      "procedure",
    ]);
    assert.deepEqual(scope({ procedure: "", fiche: "" }), [null, null]);
    assert.deepEqual(
      refusal(() => parseCommitmentInput({ ...valid, fiche: "carte d'identité" })),
      {
        code: "BAD_REQUEST",
        field: "fiche",
        message:
          "Indiquez le numéro d'une fiche service-public.fr, par exemple F1342 : il figure à la fin de l'adresse de la fiche.",
      },
    );
    assert.equal(
      refusal(() => parseCommitmentInput({ ...valid, procedure: `local:${LOCAL}`, fiche: "F1342" })).message,
      "Indiquez soit une démarche de la commune, soit une fiche service-public.fr, mais pas les deux.",
    );
    assert.equal(
      refusal(() => parseCommitmentInput({ ...valid, procedure: "F1342" })).field,
      "procedure",
      "the list only offers the town's own procedures",
    );
  });

  it("reads the calls commitment: phone only, no procedure, the delay ignored", () => {
    const calls = {
      ...valid,
      measure: "agent_answer",
      channel: "phone",
      delayAmount: "",
      targetPercent: "85",
    };
    assert.deepEqual(parseCommitmentInput(calls), {
      label: "Réponse aux courriels sous 5 jours ouvrés",
      measure: "agent_answer",
      channel: "phone",
      topic: null,
      topicField: null,
      delay: null,
      targetShare: 0.85,
    });
    assert.equal(parseCommitmentInput({ ...calls, delayAmount: "abc" }).delay, null);
    assert.deepEqual(
      refusal(() => parseCommitmentInput({ ...calls, channel: "" })),
      {
        code: "BAD_REQUEST",
        field: "channel",
        message:
          "Les appels décrochés par un agent se mesurent au téléphone : choisissez le canal « Téléphone ».",
      },
    );
    assert.deepEqual(
      refusal(() => parseCommitmentInput({ ...calls, fiche: "F1342" })),
      {
        code: "BAD_REQUEST",
        field: "fiche",
        message:
          "Les appels décrochés par un agent se mesurent sur tous les appels : ne choisissez pas de démarche.",
      },
    );
    // A commitment on requests still needs its delay.
    assert.equal(
      refusal(() => parseCommitmentInput({ ...calls, measure: "first_reply" })).field,
      "delayAmount",
    );
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
