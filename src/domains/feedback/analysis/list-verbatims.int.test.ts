/** Drill-down to the free texts: newest first, by pages that stay stable, never the contact e-mail. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../../../../test/factories/an-analysed-answer.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { listVerbatims } from "./list-verbatims.ts";

describe("listVerbatims", () => {
  let database: TestDatabase;
  let organisationId = "";
  const MARCH = { from: "2026-03-01", to: "2026-04-01" };

  before(async () => {
    database = await createTestDatabase();
    organisationId = (
      await ensureOrganisation(database.db, { slug: "verbatims", name: "Ville des verbatims" })
    ).id;
    const questionnaireId = await anAnalysisQuestionnaire(database.db, { organisationId });
    const add = (at: string, verbatim: string | null, channel: "web" | "phone" = "web") =>
      anAnalysedAnswer(database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(at),
        verbatim,
        channel,
        satisfaction: 5,
        contactEmail: "usager@example.invalid",
      });
    await add("2026-03-02T10:00:00Z", "Délais trop longs pour la carte d'identité.");
    await add("2026-03-03T10:00:00Z", "Accueil très aimable.");
    await add("2026-03-04T10:00:00Z", "Trois semaines d'attente, c'est long.", "phone");
    await add("2026-03-05T10:00:00Z", null);
    await add("2026-03-31T22:30:00Z", "Délais : réponse le lendemain, en avril à Paris.");
    await add("2026-03-06T10:00:00Z", "Délais corrects.");
  });
  after(() => database.close());

  it("pages the verbatims of a topic, newest first, and stops", async () => {
    const first = await listVerbatims(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      verbatimTopic: "delais",
      pageSize: 2,
    });
    assert.deepEqual(
      first.rows.map((r) => r.verbatim),
      ["Délais corrects.", "Trois semaines d'attente, c'est long."],
    );
    assert.ok(first.nextCursor);
    const second = await listVerbatims(database.db, {
      organisationId,
      period: MARCH,
      filters: {},
      verbatimTopic: "delais",
      pageSize: 2,
      cursor: first.nextCursor,
    });
    assert.deepEqual(
      second.rows.map((r) => r.verbatim),
      ["Délais trop longs pour la carte d'identité."],
    );
    assert.equal(second.nextCursor, null);
  });

  it("filters by channel, skips answers without text, and never returns the contact e-mail", async () => {
    const phone = await listVerbatims(database.db, {
      organisationId,
      period: MARCH,
      filters: { channel: "phone" },
    });
    assert.equal(phone.rows.length, 1);
    assert.deepEqual(Object.keys(phone.rows[0] ?? {}).sort(), [
      "channel",
      "id",
      "kind",
      "satisfaction",
      "sentiment",
      "submittedAt",
      "topic",
      "verbatim",
      "verbatimTopics",
    ]);
    assert.deepEqual(phone.rows[0]?.verbatimTopics, ["delais"]);
    const all = await listVerbatims(database.db, { organisationId, period: MARCH, filters: {} });
    assert.equal(all.rows.length, 4);
  });

  it("refuses a forged cursor in French", async () => {
    await assert.rejects(
      listVerbatims(database.db, { organisationId, period: MARCH, filters: {}, cursor: "hier_pas-un-id" }),
      (error) =>
        isAppError(error) &&
        error.code === "BAD_REQUEST" &&
        error.userMessage === "Le lien de la page suivante n'est pas valide. Revenez à la première page.",
    );
  });
});
