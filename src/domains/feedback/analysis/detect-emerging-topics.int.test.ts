/** Emerging issues, with counts chosen so that each rule (minimum, ratio, Poisson) decides one topic. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../../../../test/factories/an-analysed-answer.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { detectEmergingTopics, isEmerging, poissonTail } from "./detect-emerging-topics.ts";

describe("poissonTail and the emerging rule", () => {
  it("computes P(X ≥ k) by hand-checked values", () => {
    // 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24 + 1/120) = 0.000594…
    assert.ok(Math.abs(poissonTail(6, 1) - 0.0005941848) < 1e-9);
    // 1 − e^−2 (1 + 2 + 2 + 4/3 + 2/3) = 0.052653
    assert.ok(Math.abs(poissonTail(5, 2) - 0.0526530173) < 1e-9);
    assert.equal(poissonTail(0, 3), 1);
    // Below the mean: 1 − e^−3 (1 + 3) = 0.800852
    assert.ok(Math.abs(poissonTail(2, 3) - 0.8008517265) < 1e-9);
  });

  it("stays right for a large town, where e^−λ underflows (a naive sum says 1)", () => {
    // λ = 6400, k = 19,000: about 160 standard deviations above, p is 0 in doubles; k = λ + 1: about one half.
    assert.equal(poissonTail(19_000, 6400) < 1e-100, true);
    const half = poissonTail(6401, 6400);
    assert.ok(half > 0.49 && half < 0.5, String(half));
    assert.equal(isEmerging(19_000, 6400), true);
  });

  it("needs the minimum count, the ratio and an unlikely count", () => {
    assert.equal(isEmerging(6, 1), true);
    assert.equal(isEmerging(4, 0), false, "below the minimum of 5");
    assert.equal(isEmerging(5, 2), false, "p = 0.053 is not surprising enough");
    assert.equal(isEmerging(30, 20), false, "ratio 1.5 < 2 although p is small");
  });
});

describe("detectEmergingTopics", () => {
  let database: TestDatabase;
  let organisationId = "";

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "emerge", name: "Ville émergente" })).id;
    const questionnaireId = await anAnalysisQuestionnaire(database.db, { organisationId });
    const add = (day: string, verbatim: string, channel: "web" | "phone" = "web") =>
      anAnalysedAnswer(database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(`${day}T10:00:00Z`),
        verbatim,
        channel,
      });
    // Baseline: 8 weeks from 28 January to 24 March; recent: 25 – 31 March.
    const baselineDays = [
      "2026-01-29",
      "2026-02-05",
      "2026-02-12",
      "2026-02-19",
      "2026-02-26",
      "2026-03-05",
      "2026-03-12",
      "2026-03-19",
    ];
    for (const day of baselineDays) {
      await add(day, "Délais");
      await add(day, "Accueil");
      await add(day, "Accueil");
    }
    for (let i = 0; i < 6; i++) await add("2026-03-30", "Délais", i < 3 ? "web" : "phone");
    for (let i = 0; i < 5; i++) await add("2026-03-26", "Accueil");
    for (let i = 0; i < 4; i++) await add("2026-03-27", "Téléphone");
    for (let i = 0; i < 5; i++) await add("2026-03-31", "Horaires");
    // Outside both windows: ignored.
    for (let i = 0; i < 9; i++) await add("2026-04-01", "Horaires");
  });
  after(() => database.close());

  it("lists the topics that jump, most surprising first, with their figures", async () => {
    const emerging = await detectEmergingTopics(database.db, {
      organisationId,
      until: "2026-04-01",
      filters: {},
    });
    assert.deepEqual(
      emerging.map((t) => [t.topic, t.label, t.recent, t.baselineWeekly, t.ratio]),
      [
        ["delais", "Délais", 6, 1, 6],
        ["horaires", "Horaires d'ouverture", 5, 0, null],
      ],
    );
    assert.deepEqual([emerging[0]?.from, emerging[0]?.to], ["2026-03-25", "2026-04-01"]);
    assert.ok(Math.abs((emerging[1]?.pValue ?? 1) - 0.0036598468) < 1e-9);
  });

  it("applies the filters: on the phone only, three mentions of délais are too few", async () => {
    const phone = await detectEmergingTopics(database.db, {
      organisationId,
      until: "2026-04-01",
      filters: { channel: "phone" },
    });
    assert.deepEqual(phone, []);
  });
});
