/**
 * Indicators of a period from the rollups, every expected value worked out by hand from the answers below.
 * March 2026 (31 days), previous period 29 January – 28 February.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../../../../test/factories/an-analysed-answer.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { parseAnalysisPeriod, previousPeriod } from "./analysis-period.ts";
import { computeBreakdown, computeIndicators, computeTimeSeries } from "./compute-indicators.ts";

const MARCH = { from: "2026-03-01", to: "2026-04-01" };

function close(actual: number | null, expected: number) {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
}

describe("computeIndicators", () => {
  let database: TestDatabase;
  let organisationId = "";

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "indic", name: "Ville des indicateurs" }))
      .id;
    const other = (await ensureOrganisation(database.db, { slug: "autre", name: "Autre ville" })).id;
    const questionnaireId = await anAnalysisQuestionnaire(database.db, { organisationId });
    const otherQuestionnaire = await anAnalysisQuestionnaire(database.db, { organisationId: other });
    const add = (
      at: string,
      fields: Omit<
        Parameters<typeof anAnalysedAnswer>[1],
        "organisationId" | "questionnaireId" | "submittedAt"
      >,
    ) =>
      anAnalysedAnswer(database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(at),
        ...fields,
      });
    // A1 … A4: JDMA answers of March; A5 is 1 April in Paris; A6, A7: CSAT in the chat; P1: February.
    await add("2026-03-02T10:00:00Z", {
      channel: "web",
      topic: "F1341",
      satisfaction: 10,
      clarity: 5,
      autonomous: true,
      nps: 10,
      verbatim: "Très bien",
      sentiment: 0.75,
    });
    await add("2026-03-10T10:00:00Z", {
      channel: "web",
      topic: "F1341",
      satisfaction: 5,
      clarity: 3,
      autonomous: false,
      helpTried: 2,
      helpReached: 1,
      helpQuality: 4,
      nps: 7,
    });
    await add("2026-03-15T10:00:00Z", {
      channel: "phone",
      satisfaction: 0,
      clarity: 1,
      autonomous: false,
      helpTried: 1,
      helpReached: 0,
      nps: 3,
      verbatim: "Injoignable",
      sentiment: -0.25,
    });
    await add("2026-03-31T21:30:00Z", {
      channel: "email",
      topic: "F1341",
      satisfaction: 10,
      clarity: 4,
      autonomous: false,
      helpTried: 1,
      helpReached: 1,
      helpQuality: 2,
      nps: 9,
    });
    await add("2026-03-31T22:30:00Z", { channel: "email", topic: "F1341", satisfaction: 0 });
    await add("2026-03-05T10:00:00Z", { kind: "csat", channel: "chat", csat: 4 });
    await add("2026-03-06T10:00:00Z", { kind: "csat", channel: "chat", csat: 2 });
    await add("2026-02-15T10:00:00Z", {
      channel: "web",
      topic: "F1341",
      satisfaction: 5,
      clarity: 2,
      nps: 5,
    });
    // Another town's answers never count.
    await anAnalysedAnswer(database.db, {
      organisationId: other,
      questionnaireId: otherQuestionnaire,
      submittedAt: new Date("2026-03-03T10:00:00Z"),
      satisfaction: 0,
      csat: 1,
    });
  });
  after(() => database.close());

  it("computes every JDMA indicator with its sample size, and the change vs the previous 31 days", async () => {
    const report = await computeIndicators(database.db, { organisationId, period: MARCH, filters: {} });
    const i = report.indicators;
    assert.deepEqual(report.previousPeriod, { from: "2026-01-29", to: "2026-03-01" });
    assert.deepEqual([i.answers, i.previousAnswers], [6, 1]);
    // Satisfaction: 10 + 5 + 0 + 10 over 4 answers = 6.25 /10; previously 5 → +1.25.
    assert.deepEqual([i.satisfaction.value, i.satisfaction.n, i.satisfaction.change], [6.25, 4, 1.25]);
    assert.deepEqual(
      [i.satisfiedShare.value, i.dissatisfiedShare.value, i.netSatisfaction.value],
      [50, 25, 25],
    );
    // Previously one "Moyen": 0 % Très bien, 0 % Pas bien.
    assert.deepEqual([i.satisfiedShare.change, i.netSatisfaction.previous.value], [50, 0]);
    // Clarity: (5 + 3 + 1 + 4) / 4 = 3.25; previously 2.
    assert.deepEqual([i.clarity.value, i.clarity.n, i.clarity.change], [3.25, 4, 1.25]);
    // Help reachable: reached 1 + 0 + 1 of tried 2 + 1 + 1 = 50 %; efficient: (4 + 2) / 2 = 3 /5.
    assert.deepEqual([i.helpReachable.value, i.helpReachable.n], [50, 4]);
    assert.deepEqual([i.helpEfficient.value, i.helpEfficient.n], [3, 2]);
    assert.deepEqual([i.helpReachable.previous, i.helpReachable.change], [{ value: null, n: 0 }, null]);
    // Autonomy: 1 of 4 needed no help.
    assert.deepEqual([i.autonomy.value, i.autonomy.n], [25, 4]);
    assert.deepEqual([i.csat.value, i.csat.n], [3, 2]);
    // NPS: promoters 10 and 9, detractor 3, passive 7: (2 − 1) / 4 = 25; previously one detractor: −100.
    assert.deepEqual([i.nps.value, i.nps.n, i.nps.previous.value, i.nps.change], [25, 4, -100, 125]);
    close(i.sentiment.value, 0.25);
    assert.equal(i.sentiment.n, 2);
  });

  it("filters by channel, kind and topic", async () => {
    const web = (
      await computeIndicators(database.db, { organisationId, period: MARCH, filters: { channel: "web" } })
    ).indicators;
    assert.deepEqual(
      [web.answers, web.satisfaction.value, web.nps.value, web.satisfaction.change],
      [2, 7.5, 50, 2.5],
    );
    const csat = (
      await computeIndicators(database.db, { organisationId, period: MARCH, filters: { kind: "csat" } })
    ).indicators;
    assert.deepEqual(
      [csat.answers, csat.csat.value, csat.satisfaction.value, csat.satisfaction.n],
      [2, 3, null, 0],
    );
    const topic = (
      await computeIndicators(database.db, { organisationId, period: MARCH, filters: { topic: "F1341" } })
    ).indicators;
    close(topic.satisfaction.value, 25 / 3);
    assert.equal(topic.answers, 3);
  });

  it("breaks down by channel and by topic, most answers first", async () => {
    const byChannel = await computeBreakdown(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      by: "channel",
    });
    assert.deepEqual(
      byChannel.map((g) => [
        g.key,
        g.indicators.answers,
        g.indicators.satisfaction.value,
        g.indicators.csat.value,
      ]),
      [
        ["chat", 2, null, 3],
        ["web", 2, 7.5, null],
        ["email", 1, 10, null],
        ["phone", 1, 0, null],
      ],
    );
    assert.equal(byChannel[1]?.indicators.satisfaction.change, 2.5);
    const byTopic = await computeBreakdown(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      by: "topic",
    });
    assert.deepEqual(
      byTopic.map((g) => [g.key, g.indicators.answers]),
      [
        ["", 3],
        ["F1341", 3],
      ],
    );
  });

  it("draws a series by week (from Monday) and by month", async () => {
    const weeks = await computeTimeSeries(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      bucket: "week",
    });
    assert.deepEqual(
      weeks.points.map((p) => [p.start, p.indicators.answers, p.indicators.satisfaction.value]),
      [
        ["2026-03-02", 3, 10],
        ["2026-03-09", 2, 2.5],
        ["2026-03-30", 1, 10],
      ],
    );
    const months = await computeTimeSeries(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      bucket: "month",
    });
    assert.deepEqual(
      months.points.map((p) => [p.start, p.indicators.answers]),
      [["2026-03-01", 6]],
    );
  });

  it("gives empty indicators, not errors, for a period without answers", async () => {
    const empty = (
      await computeIndicators(database.db, {
        organisationId,
        period: { from: "2025-01-01", to: "2025-02-01" },
        filters: {},
      })
    ).indicators;
    assert.deepEqual(
      [empty.answers, empty.satisfaction, empty.nps.change],
      [0, { value: null, n: 0, previous: { value: null, n: 0 }, change: null }, null],
    );
  });
});

describe("parseAnalysisPeriod", () => {
  const clock = fixedClock(new Date("2026-03-31T22:30:00Z"));

  it("defaults to the last 30 French days, today included", () => {
    assert.deepEqual(parseAnalysisPeriod({ clock }), { from: "2026-03-03", to: "2026-04-02" });
  });

  it("takes inclusive dates and compares with the same length before", () => {
    const period = parseAnalysisPeriod({ du: "2026-03-01", au: "2026-03-31", clock });
    assert.deepEqual(period, MARCH);
    assert.deepEqual(previousPeriod(period), { from: "2026-01-29", to: "2026-03-01" });
  });

  it("refuses bad dates in French, naming the field", () => {
    const cases: [{ du?: string; au?: string }, string, string][] = [
      [{ du: "2026-02-30" }, "La date de début n'est pas une date valide (format AAAA-MM-JJ).", "du"],
      [{ au: "31/03/2026" }, "La date de fin n'est pas une date valide (format AAAA-MM-JJ).", "au"],
      [
        { du: "2026-03-10", au: "2026-03-01" },
        "La date de fin doit être le même jour ou après la date de début.",
        "au",
      ],
      [{ du: "2020-01-01", au: "2026-03-01" }, "La période ne peut pas dépasser trois ans.", "du"],
    ];
    for (const [input, message, field] of cases) {
      assert.throws(
        () => parseAnalysisPeriod({ ...input, clock }),
        (error) =>
          isAppError(error) &&
          error.code === "BAD_REQUEST" &&
          error.userMessage === message &&
          error.details?.field === field,
      );
    }
  });
});
