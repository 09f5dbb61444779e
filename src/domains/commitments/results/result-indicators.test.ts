import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CallsCommitment, CaseCommitment, ServiceCommitment } from "../commitment.ts";
import type { ActivityFigures } from "../statistics/activity-figures.ts";
import { buildResultsSnapshot } from "./build-results-snapshot.ts";
import { type FeedbackFigures, type ResultInputs, resultIndicators } from "./result-indicators.ts";
import { isResultsSnapshot, type ResultIndicator } from "./results-snapshot.ts";

const C1 = "11111111-1111-4111-8111-111111111111";
const C2 = "22222222-2222-4222-8222-222222222222";
const C3 = "33333333-3333-4333-8333-333333333333";
const C4 = "44444444-4444-4444-8444-444444444444";

function commitment(id: string, extra: Partial<CaseCommitment>): CaseCommitment {
  return {
    id,
    organisationId: "org",
    label: `Engagement ${id.slice(0, 1)}`,
    measure: "first_reply",
    channel: null,
    topic: null,
    delay: { unit: "business_days", amount: 5 },
    targetShare: 0.85,
    active: true,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...extra,
  };
}

function figures(extra: Partial<ActivityFigures> = {}): ActivityFigures {
  return {
    period: { from: "2026-03-01", to: "2026-03-31" },
    refreshedAt: null,
    arrivals: [],
    channelMix: { bucket: "week", rows: [] },
    topics: [
      { source: "case", channel: "web", topic: "F1", received: 12, answered: 9 },
      { source: "case", channel: "web", topic: "", received: 8, answered: 6 },
      { source: "case", channel: "email", topic: "", received: 8, answered: 8 },
      { source: "case", channel: "phone", topic: "", received: 5, answered: 1 },
      { source: "conversation", channel: "widget", topic: "F1", received: 30, answered: 20 },
    ],
    commitments: [
      { commitmentId: C1, measured: 12, met: 9 },
      { commitmentId: C2, measured: 4, met: 4 },
      { commitmentId: C3, measured: 0, met: 0 },
    ],
    statusTime: [],
    conversations: [
      { channel: "widget", outcome: "answered", helpful: "yes", handedOff: false, count: 10 },
      { channel: "widget", outcome: "answered", helpful: "none", handedOff: false, count: 5 },
      { channel: "widget", outcome: "unanswered", helpful: "no", handedOff: false, count: 3 },
      { channel: "web", outcome: "handed_off", helpful: "none", handedOff: true, count: 2 },
      { channel: "web", outcome: "none", helpful: "none", handedOff: false, count: 7 },
    ],
    calls: [],
    ...extra,
  };
}

const feedback: FeedbackFigures = {
  satisfaction: { value: 7.2345, n: 40 },
  netSatisfaction: { value: 100 / 3, n: 40 },
  clarity: { value: 3.456, n: 9 },
  helpReachable: { value: 200 / 3, n: 12 },
  helpEfficient: { value: 4.126, n: 10 },
  autonomy: { value: 35, n: 20 },
};

const commitments = [
  commitment(C1, {
    label: "Première réponse sous 48 h ouvrées",
    delay: { unit: "business_hours", amount: 48 },
  }),
  commitment(C2, { channel: "email", measure: "resolution", targetShare: 0.9 }),
  commitment(C3, { active: false }),
  commitment(C4, { channel: "counter" }),
];

const inputs: ResultInputs = { figures: figures(), commitments, feedback };
const figure = (list: ResultIndicator[], id: string) => {
  const found = list.find((indicator) => indicator.id === id);
  assert.ok(found, id);
  return [found.value, found.n, found.shown];
};

describe("results indicators from hand-made figures", () => {
  const list = resultIndicators(inputs);

  it("gives each commitment its share kept, target, and hides samples under 10", () => {
    assert.deepEqual(figure(list, `engagement.${C1}`), [75, 12, true]); // 9 / 12
    assert.deepEqual(figure(list, `engagement.${C2}`), [null, 4, false]);
    assert.deepEqual(figure(list, `engagement.${C4}`), [null, 0, false]);
    assert.equal(list.find((i) => i.id === `engagement.${C2}`)?.target, 90);
    // Inactive and nothing measured: not reported.
    assert.equal(
      list.some((i) => i.id === `engagement.${C3}`),
      false,
    );
    assert.match(
      list.find((i) => i.id === `engagement.${C1}`)?.definition ?? "",
      /^Part des demandes reçues, tous canaux confondus, pendant la période qui ont reçu une première réponse d'un agent \(ou ont été résolues\) dans le délai annoncé de 48 heures ouvrées/,
    );
  });

  it("names the procedure of a commitment, and defines the calls commitment by its own measure", () => {
    const C5 = "55555555-5555-4555-8555-555555555555";
    const C6 = "66666666-6666-4666-8666-666666666666";
    const LOCAL = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";
    const calls: CallsCommitment = {
      ...commitment(C6, {}),
      label: "85 % des appels décrochés quand l'usager demande un agent",
      measure: "agent_answer",
      channel: "phone",
      topic: null,
      delay: null,
    };
    const all: ServiceCommitment[] = [
      commitment(C4, { channel: "email", topic: "F1427", delay: { unit: "business_days", amount: 3 } }),
      commitment(C5, { topic: `local:${LOCAL}` }),
      calls,
    ];
    const withProcedures = resultIndicators({
      ...inputs,
      commitments: all,
      procedures: new Map([["F1427", "Acte de naissance : copie intégrale ou extrait"]]),
      figures: figures({ commitments: [{ commitmentId: C6, measured: 14, met: 9 }] }),
    });
    const definition = (id: string) => withProcedures.find((i) => i.id === `engagement.${id}`)?.definition;
    assert.match(
      definition(C4) ?? "",
      /^Part des demandes reçues pour la démarche « Acte de naissance : copie intégrale ou extrait » par courriel pendant la période qui ont reçu une première réponse d'un agent \(ou ont été résolues\) dans le délai annoncé de 3 jours ouvrés/,
    );
    // A page withdrawn since: named without its title.
    assert.match(
      definition(C5) ?? "",
      /^Part des demandes reçues pour une démarche de la commune, tous canaux confondus,/,
    );
    assert.equal(
      definition(C6),
      "Part des demandes à parler à un agent faites au téléphone pendant la période qui ont été décrochées par un agent. Une demande compte quand l'assistant vocal a transmis l'appel à un agent, pendant les heures d'ouverture ; elle n'est pas décrochée si personne n'a répondu (un rappel est alors proposé) ou si l'usager a raccroché avant. Les demandes faites en dehors des heures d'ouverture, où seul un rappel est proposé, ne sont pas comptées.",
    );
    assert.deepEqual(figure(withProcedures, `engagement.${C6}`), [64.3, 14, true]); // 9 / 14
    assert.equal(withProcedures.find((i) => i.id === `engagement.${C6}`)?.target, 85);
    assert.match(
      resultIndicators({ ...inputs, commitments: all }).find((i) => i.id === `engagement.${C4}`)
        ?.definition ?? "",
      /^Part des demandes reçues pour la démarche de la fiche F1427 par courriel/,
    );
  });

  it("reuses the feedback indicators, rounded in their unit", () => {
    assert.deepEqual(figure(list, "satisfaction.globale"), [7.2, 40, true]);
    assert.deepEqual(figure(list, "satisfaction.nette"), [33.3, 40, true]);
    assert.deepEqual(figure(list, "jdma.clarte"), [null, 9, false]);
    assert.deepEqual(figure(list, "jdma.aide_joignable"), [66.7, 12, true]);
    assert.deepEqual(figure(list, "jdma.aide_efficace"), [4.13, 10, true]);
    assert.deepEqual(figure(list, "jdma.autonomie"), [35, 20, true]);
    assert.match(
      list.find((i) => i.id === "satisfaction.nette")?.definition ?? "",
      /« Très bien » moins part des réponses « Pas bien »/,
    );
  });

  it("counts reachability over cases only, per channel and together", () => {
    assert.deepEqual(figure(list, "joignabilite.globale"), [72.7, 33, true]); // 24 / 33
    assert.deepEqual(figure(list, "joignabilite.web"), [75, 20, true]); // 15 / 20
    assert.deepEqual(figure(list, "joignabilite.email"), [null, 8, false]);
    assert.deepEqual(figure(list, "joignabilite.phone"), [null, 5, false]);
    assert.equal(
      list.some((i) => i.id === "joignabilite.widget"),
      false,
    );
  });

  it("reports phone answers by the assistant and by an agent separately, and the assistant's rates", () => {
    assert.deepEqual(figure(list, "telephone.assistant"), [null, 0, false]);
    assert.deepEqual(figure(list, "telephone.agent"), [null, 0, false]);
    const withCalls = resultIndicators({
      ...inputs,
      figures: figures({
        calls: [
          { outcome: "assistant", count: 6 },
          { outcome: "transferred", count: 3 },
          { outcome: "abandoned", count: 3 },
        ],
      }),
    });
    assert.deepEqual(figure(withCalls, "telephone.assistant"), [50, 12, true]);
    assert.deepEqual(figure(withCalls, "telephone.agent"), [25, 12, true]);
    // 20 conversations with an exchange (the 7 without a message are left out): 15 answered, 2 handed off.
    assert.deepEqual(figure(list, "assistant.taux_reponse"), [75, 20, true]);
    assert.deepEqual(figure(list, "assistant.taux_transfert"), [10, 20, true]);
  });

  it("lists the indicators in the page's order with stable ids", () => {
    assert.deepEqual(
      list.map((i) => i.id.replace(/^engagement\..*/, "engagement")),
      [
        "engagement",
        "engagement",
        "engagement",
        "satisfaction.globale",
        "satisfaction.nette",
        "jdma.clarte",
        "jdma.aide_joignable",
        "jdma.aide_efficace",
        "jdma.autonomie",
        "joignabilite.globale",
        "joignabilite.web",
        "joignabilite.email",
        "joignabilite.phone",
        "telephone.assistant",
        "telephone.agent",
        "assistant.taux_reponse",
        "assistant.taux_transfert",
      ],
    );
  });
});

describe("results snapshot", () => {
  it("matches its schema and follows indicators month by month over a longer period", () => {
    const april: ResultInputs = {
      ...inputs,
      figures: figures({ commitments: [{ commitmentId: C1, measured: 20, met: 19 }] }),
      feedback: { ...feedback, satisfaction: { value: 8, n: 5 } },
    };
    const snapshot = buildResultsSnapshot({
      organisationName: "Ville de Démo",
      period: { from: "2026-03-01", to: "2026-04-30" },
      computedAt: new Date("2026-05-02T08:00:00Z"),
      inputs,
      months: [
        { period: { from: "2026-03-01", to: "2026-03-31" }, inputs },
        { period: { from: "2026-04-01", to: "2026-04-30" }, inputs: april },
      ],
    });
    assert.ok(isResultsSnapshot(snapshot));
    assert.equal(snapshot.schema, "guichet.resultats/v1");
    assert.equal(snapshot.computedAt, "2026-05-02T08:00:00.000Z");
    const c1 = snapshot.series.find((s) => s.indicatorId === `engagement.${C1}`);
    assert.deepEqual(
      c1?.points.map((p) => [p.from, p.value, p.n, p.shown]),
      [
        ["2026-03-01", 75, 12, true],
        ["2026-04-01", 95, 20, true],
      ],
    );
    const satisfaction = snapshot.series.find((s) => s.indicatorId === "satisfaction.globale");
    assert.deepEqual(
      satisfaction?.points.map((p) => [p.value, p.shown]),
      [
        [7.2, true],
        [null, false],
      ],
    );
    assert.deepEqual(
      snapshot.series.map((s) => s.indicatorId.replace(/^engagement\..*/, "engagement")),
      [
        "engagement",
        "engagement",
        "engagement",
        "satisfaction.globale",
        "joignabilite.globale",
        "assistant.taux_reponse",
      ],
    );
    assert.equal(isResultsSnapshot({ ...snapshot, schema: "guichet.resultats/v2" }), false);
  });

  it("has no series for a period within one month", () => {
    const snapshot = buildResultsSnapshot({
      organisationName: "Ville",
      period: { from: "2026-03-01", to: "2026-03-31" },
      computedAt: new Date(),
      inputs,
      months: [],
    });
    assert.deepEqual(snapshot.series, []);
  });
});
