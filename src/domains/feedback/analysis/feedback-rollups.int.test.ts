/** The daily rollups kept in the answer's transaction: one row per French day × kind × channel × topic. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { type AnswerForRollups, addAnswerToRollups, parisDay } from "./feedback-rollups.ts";

describe("addAnswerToRollups", () => {
  let database: TestDatabase;
  let organisationId = "";

  const answer = (overrides: Partial<AnswerForRollups>): AnswerForRollups => ({
    organisationId,
    submittedAt: new Date("2026-03-10T09:00:00Z"),
    kind: "jdma",
    channel: "web",
    topic: "F1341",
    satisfaction: null,
    clarity: null,
    autonomous: null,
    helpTried: null,
    helpReached: null,
    helpQuality: null,
    csat: null,
    nps: null,
    sentiment: null,
    ...overrides,
  });

  const rows = () =>
    database.db
      .selectFrom("feedback_daily")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .orderBy("day")
      .orderBy("channel")
      .execute();

  before(async () => {
    database = await createTestDatabase();
    organisationId = (await ensureOrganisation(database.db, { slug: "rollups", name: "Ville des sommes" }))
      .id;
  });
  beforeEach(() => database.db.deleteFrom("feedback_daily").execute());
  after(() => database.close());

  it("adds two answers of the same day, kind, channel and topic into one row", async () => {
    await addAnswerToRollups(
      database.db,
      answer({ satisfaction: 10, clarity: 5, autonomous: true, nps: 9, sentiment: 0.5, csat: 5 }),
    );
    await addAnswerToRollups(
      database.db,
      answer({
        satisfaction: 0,
        clarity: 2,
        autonomous: false,
        helpTried: 2,
        helpReached: 1,
        helpQuality: 2.5,
        nps: 6,
      }),
    );
    const [row, ...others] = await rows();
    assert.equal(others.length, 0);
    const { organisation_id: _org, ...counters } = row as NonNullable<typeof row>;
    assert.deepEqual(counters, {
      day: "2026-03-10",
      kind: "jdma",
      channel: "web",
      topic: "F1341",
      answers: 2,
      satisfaction_n: 2,
      satisfaction_sum: 10,
      satisfied_n: 1,
      dissatisfied_n: 1,
      clarity_n: 2,
      clarity_sum: 7,
      autonomy_n: 2,
      autonomous_n: 1,
      help_tried_sum: 2,
      help_reached_sum: 1,
      help_quality_n: 1,
      help_quality_sum: 2.5,
      csat_n: 1,
      csat_sum: 5,
      nps_n: 2,
      nps_promoters: 1,
      nps_detractors: 1,
      sentiment_n: 1,
      sentiment_sum: 0.5,
    });
  });

  it("counts unanswered questions in no sample, an answer without topic under '', a Moyen as neither", async () => {
    await addAnswerToRollups(database.db, answer({ topic: null, satisfaction: 5, nps: 8 }));
    const [row] = await rows();
    assert.equal(row?.topic, "");
    assert.deepEqual(
      [
        row?.answers,
        row?.satisfaction_n,
        row?.satisfied_n,
        row?.dissatisfied_n,
        row?.clarity_n,
        row?.autonomy_n,
      ],
      [1, 1, 0, 0, 0, 0],
    );
    assert.deepEqual([row?.nps_n, row?.nps_promoters, row?.nps_detractors, row?.sentiment_n], [1, 0, 0, 0]);
  });

  it("files an answer under its French day: 23:30 UTC in winter is the next day in Paris", async () => {
    assert.equal(parisDay(new Date("2026-01-15T23:30:00Z")), "2026-01-16");
    assert.equal(parisDay(new Date("2026-07-15T21:59:00Z")), "2026-07-15");
    assert.equal(parisDay(new Date("2026-07-15T22:00:00Z")), "2026-07-16");
    await addAnswerToRollups(database.db, answer({ submittedAt: new Date("2026-01-15T23:30:00Z") }));
    await addAnswerToRollups(
      database.db,
      answer({ submittedAt: new Date("2026-01-15T10:00:00Z"), channel: "phone" }),
    );
    assert.deepEqual(
      (await rows()).map((r) => [r.day, r.channel, r.answers]),
      [
        ["2026-01-15", "phone", 1],
        ["2026-01-16", "web", 1],
      ],
    );
  });

  it("writes nothing when its transaction rolls back", async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await addAnswerToRollups(trx, answer({ satisfaction: 10 }));
        throw new Error("submission failed");
      }),
      /submission failed/,
    );
    assert.equal((await rows()).length, 0);
  });
});
