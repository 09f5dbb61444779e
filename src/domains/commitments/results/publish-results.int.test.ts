/**
 * Publication is a deliberate act on a frozen snapshot: a draft is not public, publishing keeps the
 * previewed figures, later activity never changes them, one published version per period.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { sql } from "kysely";
import { aCase } from "../../../../test/factories/a-case.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { isAppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import {
  computeResults,
  discardResultsDraft,
  findPublishedResults,
  listPublishedPeriods,
  listResultsPublications,
  prepareResultsDraft,
  publishResults,
  refreshActivityRollups,
  withdrawResults,
} from "../index.ts";

const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const reachability = (snapshot: { indicators: Array<{ id: string; n: number }> }) =>
  snapshot.indicators.find((i) => i.id === "joignabilite.globale")?.n;

async function refusalCode(run: () => Promise<unknown>): Promise<[string, string]> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return [error.code, error.userMessage];
    throw error;
  }
  assert.fail("expected a refusal");
}

describe("results publications", () => {
  let database: TestDatabase;
  let org: string;
  let other: string;
  const clock = fixedClock(new Date("2026-03-10T10:00:00+01:00"));

  async function webCases(count: number) {
    clock.set(new Date("2026-03-10T10:00:00+01:00"));
    for (let i = 0; i < count; i++) await aCase(database.db, { organisationId: org, channel: "web", clock });
    clock.set(new Date("2026-04-03T09:00:00+02:00"));
    await refreshActivityRollups(database.db, {
      organisationId: org,
      clock,
      from: "2026-03-01",
      to: "2026-04-02",
    });
  }

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    org = (await ensureOrganisation(database.db, { slug: "ville", name: "Ville" })).id;
    other = (await ensureOrganisation(database.db, { slug: "autre", name: "Autre ville" })).id;
  });
  after(() => database.close());

  it("keeps a draft off the public side until it is published, with the same figures", async () => {
    await webCases(12);
    const draft = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    assert.equal(draft.status, "draft");
    assert.equal(reachability(draft.snapshot), 12);
    assert.equal(await findPublishedResults(database.db, { organisationId: org }), null);
    assert.equal(
      await findPublishedResults(database.db, { organisationId: org, publicationId: draft.id }),
      null,
    );
    assert.deepEqual(await listPublishedPeriods(database.db, { organisationId: org }), []);

    clock.advance(3_600_000);
    const { publication, replaced } = await publishResults(database.db, {
      organisationId: org,
      publicationId: draft.id,
      actorId: null,
      clock,
    });
    assert.equal(replaced, null);
    assert.equal(publication.status, "published");
    assert.deepEqual(publication.snapshot, draft.snapshot);
    const latest = await findPublishedResults(database.db, { organisationId: org });
    assert.equal(latest?.id, draft.id);
    assert.deepEqual(latest?.snapshot, draft.snapshot);
    // Another organisation sees nothing of it.
    assert.equal(await findPublishedResults(database.db, { organisationId: other }), null);
    assert.equal(
      await findPublishedResults(database.db, { organisationId: other, publicationId: draft.id }),
      null,
    );

    const events = await database.db
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "results_publication")
      .where("entity_id", "=", draft.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["draft_prepared", "published"],
    );
  });

  it("never changes published figures when the activity changes afterwards", async () => {
    await webCases(12);
    const draft = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    await publishResults(database.db, { organisationId: org, publicationId: draft.id, actorId: null, clock });
    await webCases(5);
    // Live figures moved, the published ones did not.
    assert.equal(
      reachability(await computeResults(database.db, { organisationId: org, period: MARCH, clock })),
      17,
    );
    const published = await findPublishedResults(database.db, { organisationId: org });
    assert.equal(reachability(published!.snapshot), 12);
    assert.deepEqual(published?.snapshot, draft.snapshot);
    // And the database refuses to rewrite a snapshot.
    await assert.rejects(
      sql`UPDATE results_publications SET snapshot = '{}'::jsonb WHERE id = ${draft.id}`.execute(database.db),
      /frozen/,
    );
  });

  it("publishing again for the same period withdraws the previous version; one published per period", async () => {
    await webCases(12);
    const first = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    await publishResults(database.db, { organisationId: org, publicationId: first.id, actorId: null, clock });
    await webCases(3);
    const second = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    const { replaced } = await publishResults(database.db, {
      organisationId: org,
      publicationId: second.id,
      actorId: null,
      clock,
    });
    assert.equal(replaced, first.id);
    const periods = await listPublishedPeriods(database.db, { organisationId: org });
    assert.deepEqual(
      periods.map((p) => p.id),
      [second.id],
    );
    assert.equal(
      reachability((await findPublishedResults(database.db, { organisationId: org }))!.snapshot),
      15,
    );
    assert.equal(
      await findPublishedResults(database.db, { organisationId: org, publicationId: first.id }),
      null,
    );
    const statuses = await listResultsPublications(database.db, { organisationId: org });
    assert.deepEqual(statuses.map((p) => p.status).sort(), ["published", "withdrawn"]);
  });

  it("refuses to publish twice, withdraws, and discards only drafts", async () => {
    await webCases(1);
    const draft = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    await publishResults(database.db, { organisationId: org, publicationId: draft.id, actorId: null, clock });
    assert.deepEqual(
      await refusalCode(() =>
        publishResults(database.db, { organisationId: org, publicationId: draft.id, actorId: null, clock }),
      ),
      ["CONFLICT", "Ces résultats sont déjà publiés."],
    );
    assert.deepEqual(
      await refusalCode(() =>
        discardResultsDraft(database.db, { organisationId: org, publicationId: draft.id, actorId: null }),
      ),
      ["CONFLICT", "Seul un brouillon peut être supprimé ; des résultats publiés peuvent être retirés."],
    );
    await withdrawResults(database.db, {
      organisationId: org,
      publicationId: draft.id,
      actorId: null,
      clock,
    });
    assert.equal(await findPublishedResults(database.db, { organisationId: org }), null);
    assert.equal(
      (
        await refusalCode(() =>
          publishResults(database.db, { organisationId: org, publicationId: draft.id, actorId: null, clock }),
        )
      )[0],
      "CONFLICT",
    );

    const unwanted = await prepareResultsDraft(database.db, {
      organisationId: org,
      period: MARCH,
      actorId: null,
      clock,
    });
    await discardResultsDraft(database.db, {
      organisationId: org,
      publicationId: unwanted.id,
      actorId: null,
    });
    assert.deepEqual(
      (await listResultsPublications(database.db, { organisationId: org })).map((p) => p.id),
      [draft.id],
    );
    assert.equal(
      (
        await refusalCode(() =>
          publishResults(database.db, {
            organisationId: other,
            publicationId: unwanted.id,
            actorId: null,
            clock,
          }),
        )
      )[0],
      "NOT_FOUND",
    );
  });
});
