/**
 * Call rows on a real database: a provider's repeated start, the caller pseudonym, the path's bound,
 * settling (idempotent, outcome from the flow's state), stale calls, and the keypad menu built from
 * the knowledge.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { createAssistantContext } from "../../assistant/index.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import type { SearchEngine } from "../../knowledge/search/search.types.ts";
import { newCallState } from "./call-state.ts";
import { forgetCallerHashes } from "./forget-caller-hashes.ts";
import { buildTopMenu } from "./keypad-menu.ts";
import { callerHash, insertCall, MAX_PATH_ENTRIES, saveCallTurn, settleCall } from "./record-call.ts";
import { settleStaleCalls } from "./settle-stale-calls.ts";

const START = new Date("2026-03-14T09:00:00Z");
const noSearch: SearchEngine = { search: async () => [] };

describe("call records", () => {
  let database: TestDatabase;
  let organisationId: string;
  const clock = fixedClock(START);

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    clock.set(START);
  });
  after(() => database.close());

  async function aCall(providerCallId: string, callerNumber: string | null = "+33612345678") {
    return insertCall(database.db, {
      organisationId,
      provider: "audiosocket",
      providerCallId,
      callerNumber,
      conversationId: null,
      state: newCallState({ kind: "top", items: [] }),
      at: clock.now(),
    });
  }

  it("keeps one row per provider call, and a pseudonym of the number instead of the number", async () => {
    const first = await aCall("call-1");
    const again = await aCall("call-1", "+33699999999");
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.call.id, first.call.id);
    const rows = await database.db.selectFrom("calls").selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.caller_hash, callerHash(organisationId, "+33612345678"));
    // The same number written nationally or internationally is the same caller; another town, another hash.
    assert.equal(callerHash(organisationId, "06 12 34 56 78"), callerHash(organisationId, "+33612345678"));
    assert.notEqual(callerHash("other", "+33612345678"), callerHash(organisationId, "+33612345678"));
    assert.equal(callerHash(organisationId, "anonymous"), null);
    const events = await database.db
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "call")
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["call.started"],
    );
  });

  it("bounds the path of a call that floods it, and adds up the turn timings", async () => {
    const { call } = await aCall("call-2");
    const state = newCallState({ kind: "top", items: [] });
    for (let i = 0; i < 30; i++) {
      await saveCallTurn(database.db, {
        organisationId,
        callId: call.id,
        state,
        path: Array.from({ length: 9 }, () => ({ step: "digits", value: "1" })),
        turnMs: i === 3 ? 120 : 10,
        at: clock.now(),
        firstAudio: i === 0,
      });
    }
    const row = await database.db
      .selectFrom("calls")
      .selectAll()
      .where("id", "=", call.id)
      .executeTakeFirstOrThrow();
    assert.ok(
      row.path.length <= MAX_PATH_ENTRIES && row.path.length >= MAX_PATH_ENTRIES - 9,
      `${row.path.length}`,
    );
    assert.equal(row.turns, 30);
    assert.equal(row.turn_ms_total, 29 * 10 + 120);
    assert.equal(row.turn_ms_max, 120);
    assert.equal(row.first_audio_ms, 10);
  });

  it("settles a call once: the first outcome and end time stay, one event is written", async () => {
    const { call } = await aCall("call-3");
    assert.equal(
      await settleCall(database.db, {
        organisationId,
        callId: call.id,
        outcome: "abandoned",
        at: clock.now(),
        step: "hangup",
      }),
      "abandoned",
    );
    clock.advance(60_000);
    assert.equal(
      await settleCall(database.db, {
        organisationId,
        callId: call.id,
        outcome: "failed",
        at: clock.now(),
        step: "failed",
      }),
      "abandoned",
    );
    const row = await database.db
      .selectFrom("calls")
      .selectAll()
      .where("id", "=", call.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.ended_at?.toISOString(), START.toISOString());
    assert.deepEqual(row.path, [{ step: "hangup" }]);
    const ended = await database.db
      .selectFrom("events")
      .select("data")
      .where("action", "=", "call.ended")
      .execute();
    assert.deepEqual(
      ended.map((e) => e.data),
      [{ outcome: "abandoned" }],
    );
  });

  it("settles calls whose end was never reported, from what the flow knew", async () => {
    const { call: old } = await aCall("old");
    await database.db
      .updateTable("calls")
      .set({
        state: JSON.stringify({ ...newCallState({ kind: "top", items: [] }), phase: "more", answers: 2 }),
      })
      .where("id", "=", old.id)
      .execute();
    clock.advance(60 * 60 * 1000);
    await aCall("recent");
    clock.advance(4 * 60 * 60 * 1000);
    const report = await settleStaleCalls(database.db, { clock });
    assert.deepEqual(report, { settled: 1 });
    const rows = await database.db
      .selectFrom("calls")
      .select(["provider_call_id", "outcome", "ended_at"])
      .orderBy("started_at")
      .execute();
    assert.equal(rows[0]?.outcome, "assistant");
    assert.ok(rows[0]?.ended_at);
    assert.deepEqual([rows[1]?.outcome, rows[1]?.ended_at], [null, null]);
    // The caller pseudonyms go with the retention; the records stay.
    assert.deepEqual(await forgetCallerHashes(database.db, { before: new Date(START.getTime() + 1) }), {
      forgotten: 1,
    });
    const hashes = await database.db
      .selectFrom("calls")
      .select("caller_hash")
      .orderBy("started_at")
      .execute();
    assert.deepEqual(
      hashes.map((row) => row.caller_hash === null),
      [true, false],
    );
  });

  it("builds the top menu from the town's procedures, then the folders of the most asked procedures", async () => {
    await insertPackageFiches(database.db, organisationId, [
      "N358",
      "F1341",
      "F21089",
      "N47",
      "F1367",
      "N360",
      "F14929",
    ]);
    await aLocalItem(database.db, {
      organisationId,
      kind: "procedure",
      status: "published",
      form: {
        title: "Inscription à la cantine",
        summary: "Cantine scolaire",
        body: "Inscrivez votre enfant en mairie.",
      },
    });
    const assistant = createAssistantContext({
      db: database.db,
      clock,
      search: noSearch,
      publicUrl: "http://x",
    });
    const menu = await buildTopMenu({ db: database.db, passages: assistant.passages }, organisationId);
    assert.deepEqual(
      menu.items.map((item) => [item.label, item.folderId ?? null]),
      [
        ["Inscription à la cantine", null],
        ["Carte d'identité", "N358"],
        ["Passeport", "N360"],
        ["Élections", "N47"],
      ],
    );
  });
});
