/**
 * The published indicators from real cases (opened, answered and resolved through the cases use cases,
 * so their SLA clocks are the real ones), conversations and feedback answers, with a fixed clock: every
 * figure equals the value worked out by hand in the comments.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../../../../test/factories/an-analysed-answer.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { newId } from "../../../shared/ids.ts";
import { changeCaseStatus, replyToCase } from "../../cases/index.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { computeResults, createCommitment, type ResultsSnapshot, refreshActivityRollups } from "../index.ts";

const PUBLIC_URL = "https://mairie-test.fr";
/** Winter time: Paris = UTC+1 until 29 March 2026. */
const paris = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);
const MARCH = { from: "2026-03-01", to: "2026-03-31" };

describe("computeResults from real activity", () => {
  let database: TestDatabase;
  let org: string;
  let webCommitment: string;
  let emailCommitment: string;
  const clock = fixedClock(paris("2026-03-02", "10:00"));
  let march: ResultsSnapshot;
  let quarter: ResultsSnapshot;

  async function conversation(values: {
    channel: "web" | "widget";
    turns: number;
    outcome: "none" | "answered" | "handed_off" | "unanswered";
    helpful?: boolean;
    at?: Date;
  }) {
    const at = values.at ?? paris("2026-03-10", "15:00");
    await database.db
      .insertInto("conversations")
      .values({
        id: newId(),
        organisation_id: org,
        channel: values.channel,
        state: JSON.stringify({ v: 1 }),
        outcome: values.outcome,
        helpful: values.helpful ?? null,
        turns: values.turns,
        started_at: at,
        last_activity_at: at,
      })
      .execute();
  }

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    org = (await ensureOrganisation(db, { slug: "ville-test", name: "Ville de Test" })).id;
    const agent = { agentId: (await anAgent(db, { organisationId: org, roles: ["agent"] })).id };
    const commitment = async (form: {
      label: string;
      measure: string;
      channel: string;
      amount: string;
      target: string;
    }) =>
      (
        await createCommitment(db, {
          organisationId: org,
          form: {
            label: form.label,
            measure: form.measure,
            channel: form.channel,
            delayUnit: "business_days",
            delayAmount: form.amount,
            targetPercent: form.target,
          },
          actorId: null,
          clock,
        })
      ).id;
    webCommitment = await commitment({
      label: "Première réponse sous 2 jours ouvrés",
      measure: "first_reply",
      channel: "",
      amount: "2",
      target: "80",
    });
    emailCommitment = await commitment({
      label: "Courriels traités sous 5 jours ouvrés",
      measure: "resolution",
      channel: "email",
      amount: "5",
      target: "90",
    });

    // February (outside March, inside the quarter): one web case answered the same day.
    clock.set(paris("2026-02-24", "10:00"));
    const february = await aCase(db, { organisationId: org, channel: "web", clock });
    await replyToCase(db, {
      organisationId: org,
      caseId: february.caseId,
      actor: agent,
      body: "Réponse.",
      publicUrl: PUBLIC_URL,
      clock,
    });

    // Monday 2 March, 10:00: 12 web cases, first reply due Wednesday 4 March 10:00.
    clock.set(paris("2026-03-02", "10:00"));
    const web = [];
    for (let i = 0; i < 12; i++) web.push(await aCase(db, { organisationId: org, channel: "web", clock }));
    // 3 e-mails, resolution due Monday 9 March.
    const emails = [];
    for (let i = 0; i < 3; i++)
      emails.push(await aCase(db, { organisationId: org, channel: "email", clock }));

    // Tuesday: 9 web replies in time, 2 e-mails resolved in time.
    clock.set(paris("2026-03-03", "11:00"));
    for (const c of web.slice(0, 9))
      await replyToCase(db, {
        organisationId: org,
        caseId: c.caseId,
        actor: agent,
        body: "Réponse.",
        publicUrl: PUBLIC_URL,
        clock,
      });
    for (const c of emails.slice(0, 2))
      await changeCaseStatus(db, {
        organisationId: org,
        caseId: c.caseId,
        actor: agent,
        status: "resolu",
        clock,
      });
    // Friday: 2 late replies; the last web case and the last e-mail are never answered.
    clock.set(paris("2026-03-06", "16:00"));
    for (const c of web.slice(9, 11))
      await replyToCase(db, {
        organisationId: org,
        caseId: c.caseId,
        actor: agent,
        body: "Réponse.",
        publicUrl: PUBLIC_URL,
        clock,
      });

    // Conversations started in March: 8 answered and found helpful, 4 answered without a vote,
    // 3 unanswered, 2 handed off; 2 without any message of the citizen (left out of the rates).
    for (let i = 0; i < 8; i++)
      await conversation({ channel: "widget", turns: 1, outcome: "answered", helpful: true });
    for (let i = 0; i < 4; i++) await conversation({ channel: "widget", turns: 2, outcome: "answered" });
    for (let i = 0; i < 3; i++)
      await conversation({ channel: "web", turns: 1, outcome: "unanswered", helpful: false });
    for (let i = 0; i < 2; i++) await conversation({ channel: "web", turns: 3, outcome: "handed_off" });
    for (let i = 0; i < 2; i++) await conversation({ channel: "widget", turns: 1, outcome: "none" });
    await conversation({
      channel: "widget",
      turns: 1,
      outcome: "unanswered",
      at: paris("2026-02-20", "09:00"),
    });

    // Feedback in March: 12 JDMA answers.
    const questionnaireId = await anAnalysisQuestionnaire(db, { organisationId: org });
    const satisfaction = [10, 10, 10, 10, 10, 10, 5, 5, 5, 5, 0, 0] as const;
    const clarity = [5, 5, 5, 5, 4, 4, 4, 4, 2, 2, 2, 2];
    for (let i = 0; i < 12; i++) {
      const autonomous = i < 5;
      await anAnalysedAnswer(db, {
        organisationId: org,
        questionnaireId,
        submittedAt: paris("2026-03-12", "12:00"),
        satisfaction: satisfaction[i],
        clarity: clarity[i],
        autonomous,
        helpTried: autonomous ? null : 2,
        helpReached: autonomous ? null : i < 9 ? 2 : 1,
        helpQuality: autonomous ? null : [5, 5, 4, 4, 4, 3, 3][i - 5],
      });
    }
    // February: one unhappy answer, outside March.
    await anAnalysedAnswer(db, {
      organisationId: org,
      questionnaireId,
      submittedAt: paris("2026-02-20", "12:00"),
      satisfaction: 0,
    });

    // Thursday 2 April, 9:00: every deadline of March has passed.
    clock.set(new Date("2026-04-02T09:00:00+02:00"));
    await refreshActivityRollups(db, { organisationId: org, clock, from: "2026-02-01", to: "2026-04-01" });
    march = await computeResults(db, { organisationId: org, period: MARCH, clock });
    quarter = await computeResults(db, {
      organisationId: org,
      period: { from: "2026-01-01", to: "2026-03-31" },
      clock,
    });
  });
  after(() => database.close());

  const figure = (snapshot: ResultsSnapshot, id: string) => {
    const found = snapshot.indicators.find((indicator) => indicator.id === id);
    assert.ok(found, `indicator ${id}`);
    return { value: found.value, n: found.n, shown: found.shown, target: found.target };
  };

  it("measures each commitment on the cases opened in the period", () => {
    // 12 web cases measured (11 answered, 1 overdue), 9 in time: 75 %; target 80.
    assert.deepEqual(figure(march, `engagement.${webCommitment}`), {
      value: 75,
      n: 12,
      shown: true,
      target: 80,
    });
    // 3 e-mails measured, 2 resolved in time: too few to publish.
    assert.deepEqual(figure(march, `engagement.${emailCommitment}`), {
      value: null,
      n: 3,
      shown: false,
      target: 90,
    });
  });

  it("takes satisfaction and the JDMA indicators from the answers of the period", () => {
    // (6 × 10 + 4 × 5 + 2 × 0) / 12 = 6.67; net: (6 − 2) / 12 = 33.3 points.
    assert.deepEqual(figure(march, "satisfaction.globale"), {
      value: 6.7,
      n: 12,
      shown: true,
      target: undefined,
    });
    assert.deepEqual(figure(march, "satisfaction.nette"), {
      value: 33.3,
      n: 12,
      shown: true,
      target: undefined,
    });
    // (4 × 5 + 4 × 4 + 4 × 2) / 12 = 3.67.
    assert.deepEqual(figure(march, "jdma.clarte"), { value: 3.67, n: 12, shown: true, target: undefined });
    // 5 of 12 did not need help: 41.7 %.
    assert.deepEqual(figure(march, "jdma.autonomie"), { value: 41.7, n: 12, shown: true, target: undefined });
    // 7 × 2 channels tried, 4 × 2 + 3 × 1 = 11 reached: 78.6 %.
    assert.deepEqual(figure(march, "jdma.aide_joignable"), {
      value: 78.6,
      n: 14,
      shown: true,
      target: undefined,
    });
    // 7 quality ratings: under 10, not published.
    assert.deepEqual(figure(march, "jdma.aide_efficace"), {
      value: null,
      n: 7,
      shown: false,
      target: undefined,
    });
  });

  it("counts reachability over the cases of the period, per channel and together", () => {
    // Web: 11 of 12 answered (91.7 %); e-mail: 2 of 3 resolved (hidden); together 13 of 15 (86.7 %).
    assert.deepEqual(figure(march, "joignabilite.web"), {
      value: 91.7,
      n: 12,
      shown: true,
      target: undefined,
    });
    assert.deepEqual(figure(march, "joignabilite.email"), {
      value: null,
      n: 3,
      shown: false,
      target: undefined,
    });
    assert.deepEqual(figure(march, "joignabilite.globale"), {
      value: 86.7,
      n: 15,
      shown: true,
      target: undefined,
    });
  });

  it("rates the assistant on the conversations with an exchange, and has no phone figure without calls", () => {
    // 17 conversations with a message: 12 answered (70.6 %), 2 handed off (11.8 %).
    assert.deepEqual(figure(march, "assistant.taux_reponse"), {
      value: 70.6,
      n: 17,
      shown: true,
      target: undefined,
    });
    assert.deepEqual(figure(march, "assistant.taux_transfert"), {
      value: 11.8,
      n: 17,
      shown: true,
      target: undefined,
    });
    assert.deepEqual(figure(march, "telephone.assistant"), {
      value: null,
      n: 0,
      shown: false,
      target: undefined,
    });
    assert.deepEqual(figure(march, "telephone.agent"), {
      value: null,
      n: 0,
      shown: false,
      target: undefined,
    });
  });

  it("stamps the snapshot and follows a quarter month by month", () => {
    assert.equal(march.organisation.name, "Ville de Test");
    assert.deepEqual(march.period, MARCH);
    assert.equal(march.computedAt, "2026-04-02T07:00:00.000Z");
    assert.deepEqual(march.series, []);
    // Quarter: February adds one web case (answered in time) and one unhappy answer.
    assert.deepEqual(figure(quarter, "joignabilite.web"), {
      value: 92.3,
      n: 13,
      shown: true,
      target: undefined,
    });
    assert.deepEqual(figure(quarter, "satisfaction.globale"), {
      value: 6.2,
      n: 13,
      shown: true,
      target: undefined,
    });
    const web = quarter.series.find((s) => s.indicatorId === `engagement.${webCommitment}`);
    assert.deepEqual(
      web?.points.map((p) => [p.from, p.to, p.value, p.n, p.shown]),
      [
        ["2026-01-01", "2026-01-31", null, 0, false],
        ["2026-02-01", "2026-02-28", null, 1, false],
        ["2026-03-01", "2026-03-31", 75, 12, true],
      ],
    );
  });
});
