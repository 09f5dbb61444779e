/**
 * The daily rollups from real cases and conversations with a fixed clock: every figure of
 * readActivityFigures and the derived rates equal the values worked out by hand below.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { newId } from "../../../shared/ids.ts";
import { changeCaseStatus, replyToCase } from "../../cases/index.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import {
  assistantAnswerRate,
  createCommitment,
  deflectionRate,
  handoffRate,
  phoneAnswers,
  reachability,
  readActivityFigures,
  refreshActivityRollups,
} from "../index.ts";

const PUBLIC_URL = "https://mairie-test.fr";
/** Monday 9 March 2026 (Paris = UTC+1). */
const paris = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

describe("activity rollups", () => {
  let database: TestDatabase;
  let org: string;
  let agent: string;
  let commitmentId: string;
  const clock = fixedClock(paris("2026-03-01", "10:00"));

  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  async function conversation(values: {
    channel: "web" | "widget";
    at: Date;
    turns: number;
    outcome: "none" | "answered" | "handed_off" | "unanswered";
    helpful?: boolean;
    topic?: string;
  }) {
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
        topic: values.topic ?? null,
        started_at: values.at,
        last_activity_at: values.at,
      })
      .execute();
  }

  beforeEach(async () => {
    await database.truncate();
    clock.set(paris("2026-03-01", "10:00"));
    org = (await ensureOrganisation(database.db, { slug: "ville", name: "Ville" })).id;
    agent = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
    commitmentId = (
      await createCommitment(database.db, {
        organisationId: org,
        form: {
          label: "Première réponse sous 2 jours ouvrés",
          measure: "first_reply",
          channel: "",
          delayUnit: "business_days",
          delayAmount: "2",
          targetPercent: "85",
        },
        actorId: null,
        clock,
      })
    ).id;

    // Monday 9 March: A (web, F21089) at 10:15, answered at 11:00; B (email, F21089) at 14:30, never answered.
    clock.set(paris("2026-03-09", "10:15"));
    const a = await aCase(database.db, {
      organisationId: org,
      channel: "web",
      topic: { ficheId: "F21089" },
      clock,
    });
    clock.set(paris("2026-03-09", "14:30"));
    await aCase(database.db, { organisationId: org, channel: "email", topic: { ficheId: "F21089" }, clock });
    clock.set(paris("2026-03-09", "11:00"));
    await replyToCase(database.db, {
      organisationId: org,
      caseId: a.caseId,
      actor: { agentId: agent },
      body: "Voici la réponse.",
      publicUrl: PUBLIC_URL,
      clock,
    });
    // Tuesday 10 March: C (phone, no topic) at 9:00, resolved at 10:00.
    clock.set(paris("2026-03-10", "09:00"));
    const c = await aCase(database.db, { organisationId: org, channel: "phone", clock });
    clock.set(paris("2026-03-10", "10:00"));
    await changeCaseStatus(database.db, {
      organisationId: org,
      caseId: c.caseId,
      actor: { agentId: agent },
      status: "resolu",
      clock,
    });

    await conversation({
      channel: "widget",
      at: paris("2026-03-09", "10:30"),
      turns: 2,
      outcome: "answered",
      helpful: true,
      topic: "F21089",
    });
    await conversation({
      channel: "widget",
      at: paris("2026-03-09", "20:05"),
      turns: 1,
      outcome: "answered",
      helpful: false,
      topic: "F1367",
    });
    await conversation({ channel: "web", at: paris("2026-03-10", "09:40"), turns: 3, outcome: "handed_off" });
    await conversation({ channel: "web", at: paris("2026-03-10", "09:45"), turns: 1, outcome: "none" });
    // Opened and never written to: not a conversation.
    await conversation({ channel: "widget", at: paris("2026-03-10", "11:00"), turns: 0, outcome: "none" });

    // Phone calls: two settled by the assistant alone, one passed to an agent, one abandoned, one still going.
    for (const [at, outcome] of [
      ["09:05", "assistant"],
      ["09:20", "assistant"],
      ["10:00", "transferred"],
      ["11:00", "abandoned"],
      ["12:00", null],
    ] as const)
      await database.db
        .insertInto("calls")
        .values({
          id: newId(),
          organisation_id: org,
          provider: "twilio",
          provider_call_id: `CA${at}`,
          started_at: paris("2026-03-10", at),
          ended_at: outcome ? paris("2026-03-10", at) : null,
          outcome,
          state: JSON.stringify({}),
        })
        .execute();

    // A week later B is past its due date (2 open days): measured, missed.
    clock.set(paris("2026-03-16", "12:00"));
    await refreshActivityRollups(database.db, { organisationId: org, clock });
  });

  const week = { from: "2026-03-09", to: "2026-03-15" };

  it("counts arrivals by hour, weekday, source and channel", async () => {
    const figures = await readActivityFigures(database.db, { organisationId: org, period: week });
    assert.deepEqual(
      figures.arrivals.map((row) => [row.source, row.channel, row.weekday, row.hour, row.count]),
      [
        ["case", "email", 1, 14, 1],
        ["case", "phone", 2, 9, 1],
        ["case", "web", 1, 10, 1],
        ["conversation", "web", 2, 9, 2],
        ["conversation", "widget", 1, 10, 1],
        ["conversation", "widget", 1, 20, 1],
      ],
    );
    assert.equal(figures.channelMix.bucket, "week");
    assert.deepEqual(
      figures.channelMix.rows.map((row) => [row.start, row.source, row.channel, row.count]),
      [
        ["2026-03-09", "case", "email", 1],
        ["2026-03-09", "case", "phone", 1],
        ["2026-03-09", "case", "web", 1],
        ["2026-03-09", "conversation", "web", 2],
        ["2026-03-09", "conversation", "widget", 2],
      ],
    );
    assert.ok(figures.refreshedAt);
  });

  it("counts topics, answered cases, commitments kept and time per status", async () => {
    const figures = await readActivityFigures(database.db, { organisationId: org, period: week });
    const topics = figures.topics.map((row) => [
      row.source,
      row.channel,
      row.topic,
      row.received,
      row.answered,
    ]);
    assert.deepEqual(
      topics.sort((x, y) => String(x).localeCompare(String(y))),
      [
        ["case", "email", "F21089", 1, 0],
        ["case", "phone", "", 1, 1],
        ["case", "web", "F21089", 1, 1],
        ["conversation", "web", "", 2, 0],
        ["conversation", "widget", "F1367", 1, 1],
        ["conversation", "widget", "F21089", 1, 1],
      ],
    );
    // A replied in time, C resolved in time, B two open days late: 3 measured, 2 met.
    assert.deepEqual(figures.commitments, [{ commitmentId, measured: 3, met: 2 }]);
    // A left "nouveau" after 45 min (F21089), C after 1 h (no topic); C's "resolu" is still running.
    const nouveau = figures.statusTime.filter((row) => row.status === "nouveau");
    assert.deepEqual(nouveau.map((row) => [row.topic, row.transitions, row.seconds]).sort(), [
      ["", 1, 3600],
      ["F21089", 1, 2700],
    ]);
    assert.equal(reachability(figures).value, 2 / 3);
    assert.equal(reachability(figures).n, 3);
  });

  it("gives the assistant's answer, hand-off and deflection rates over conversations with an exchange", async () => {
    const figures = await readActivityFigures(database.db, { organisationId: org, period: week });
    // Exchanges: the two answered and the hand-off (small talk only and never-written are left out).
    assert.deepEqual(assistantAnswerRate(figures), { value: 2 / 3, n: 3, count: 2 });
    assert.deepEqual(handoffRate(figures), { value: 1 / 3, n: 3, count: 1 });
    // Only the first answer was confirmed helpful.
    assert.deepEqual(deflectionRate(figures), { value: 1 / 3, n: 3, count: 1 });
  });

  it("counts the calls that ended, answered by the assistant and by an agent apart", async () => {
    const figures = await readActivityFigures(database.db, { organisationId: org, period: week });
    assert.deepEqual(figures.calls, [
      { outcome: "abandoned", count: 1 },
      { outcome: "assistant", count: 2 },
      { outcome: "transferred", count: 1 },
    ]);
    assert.deepEqual(phoneAnswers(figures), {
      byAssistant: { value: 2 / 4, n: 4, count: 2 },
      byAgent: { value: 1 / 4, n: 4, count: 1 },
    });
  });

  it("keeps to the period's days and is the same when refreshed twice", async () => {
    const tuesday = await readActivityFigures(database.db, {
      organisationId: org,
      period: { from: "2026-03-10", to: "2026-03-10" },
    });
    assert.deepEqual(
      tuesday.arrivals.map((row) => [row.source, row.channel, row.count]),
      [
        ["case", "phone", 1],
        ["conversation", "web", 2],
      ],
    );
    const before = await readActivityFigures(database.db, { organisationId: org, period: week });
    await refreshActivityRollups(database.db, { organisationId: org, clock });
    const again = await readActivityFigures(database.db, { organisationId: org, period: week });
    assert.deepEqual({ ...again, refreshedAt: null }, { ...before, refreshedAt: null });
  });

  it("takes a late reply into account at the next refresh", async () => {
    const [b] = await database.db
      .selectFrom("cases")
      .select("id")
      .where("organisation_id", "=", org)
      .where("channel", "=", "email")
      .execute();
    assert.ok(b);
    await replyToCase(database.db, {
      organisationId: org,
      caseId: b.id,
      actor: { agentId: agent },
      body: "Pardon pour le délai.",
      publicUrl: PUBLIC_URL,
      clock,
    });
    await refreshActivityRollups(database.db, { organisationId: org, clock });
    const figures = await readActivityFigures(database.db, { organisationId: org, period: week });
    assert.equal(reachability(figures).value, 1);
    assert.deepEqual(figures.commitments, [{ commitmentId, measured: 3, met: 2 }], "still late");
  });
});
