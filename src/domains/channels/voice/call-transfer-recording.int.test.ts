/**
 * How a transfer is counted and what a recording leaves on the call row, on a real database: "transferred"
 * only once an agent answered (also when the provider reports the end first), the recording's reference
 * and the caller's consent, and the references cleared after the retention — in this organisation only.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { createAssistantContext } from "../../assistant/index.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import type { SearchEngine } from "../../knowledge/search/search.types.ts";
import { type CallState, newCallState } from "./call-state.ts";
import { endCall } from "./end-call.ts";
import { findPendingTransferOrder } from "./find-pending-transfer.ts";
import { purgeExpiredRecordings } from "./purge-expired-recordings.ts";
import { insertCall, saveCallTurn } from "./record-call.ts";
import { recordTransferAnswered } from "./record-transfer-result.ts";
import { storeCallRecording } from "./store-call-recording.ts";
import type { CallKey, VoiceContext } from "./voice-context.ts";

const START = new Date("2026-03-10T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const noSearch: SearchEngine = { search: async () => [] };
const REF = "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0123";

describe("transfers and recordings on the call rows", () => {
  let database: TestDatabase;
  let organisationId: string;
  let context: VoiceContext;
  const clock = fixedClock(START);

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    clock.set(START);
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    context = {
      assistant: createAssistantContext({ db: database.db, clock, search: noSearch, publicUrl: "http://x" }),
      organisationName: "Ville de Démo",
      transferTarget: "+33100000000",
      recordings: true,
    };
  });
  after(() => database.close());

  /** A call the flow passed to a person (phase "transferring"), with the caller's recording answer. */
  async function aTransferredCall(id: string, state: Partial<CallState> = {}): Promise<CallKey> {
    const key: CallKey = { organisationId, provider: "twilio", providerCallId: id };
    const { call } = await insertCall(database.db, {
      ...key,
      callerNumber: "+33612345678",
      conversationId: null,
      state: newCallState({ kind: "top", items: [] }),
      at: clock.now(),
    });
    await saveCallTurn(database.db, {
      organisationId,
      callId: call.id,
      state: { ...newCallState({ kind: "top", items: [] }), phase: "transferring", ...state },
      path: [{ step: "agent" }, { step: "transfer" }],
      turnMs: 5,
      at: clock.now(),
    });
    return key;
  }

  async function row(key: CallKey) {
    return database.db
      .selectFrom("calls")
      .selectAll()
      .where("provider_call_id", "=", key.providerCallId)
      .executeTakeFirstOrThrow();
  }

  it("counts a transfer as answered by an agent when the provider says an agent answered", async () => {
    const key = await aTransferredCall("answered", { recordingConsent: true });
    // After a media stream, the provider asks for the transfer: recorded only with the caller's consent.
    assert.deepEqual(await findPendingTransferOrder(context, key), { target: "+33100000000", record: true });
    const refused = await aTransferredCall("not-recorded", { recordingConsent: false });
    assert.deepEqual(await findPendingTransferOrder(context, refused), {
      target: "+33100000000",
      record: false,
    });
    assert.equal(await recordTransferAnswered(context, key), "transferred");
    assert.equal(await findPendingTransferOrder(context, key), null, "the call is over");
    const call = await row(key);
    assert.equal(call.outcome, "transferred");
    assert.ok(call.ended_at);
    assert.equal(call.recording_consent, true);
    assert.deepEqual(call.path.at(-1), { step: "transfer_answered" });
  });

  it("does not count a transfer nobody confirmed, and corrects it when the answer is reported late", async () => {
    const key = await aTransferredCall("late", { answers: 1 });
    // The provider's end of call comes first: no agent is known to have answered.
    assert.equal(await endCall(context, key), "assistant");
    assert.deepEqual((await row(key)).path.at(-1), { step: "transfer_unconfirmed" });
    clock.advance(2_000);
    assert.equal(await recordTransferAnswered(context, key), "transferred");
    const call = await row(key);
    assert.equal(call.outcome, "transferred");
    assert.equal(call.ended_at?.toISOString(), START.toISOString(), "the end time stays");
    const events = await database.db
      .selectFrom("events")
      .select(["action", "data"])
      .where("action", "=", "call.transfer_confirmed")
      .execute();
    assert.deepEqual(events, [
      { action: "call.transfer_confirmed", data: { outcome: "transferred", was: "assistant" } },
    ]);
    // Only once, and never for a call that was not transferring when it ended.
    assert.equal(await recordTransferAnswered(context, key), "transferred");
    const other: CallKey = { organisationId, provider: "twilio", providerCallId: "plain" };
    await insertCall(database.db, {
      ...other,
      callerNumber: null,
      conversationId: null,
      state: newCallState({ kind: "top", items: [] }),
      at: clock.now(),
    });
    assert.equal(await endCall(context, other), "abandoned");
    assert.equal(await recordTransferAnswered(context, other), "abandoned");
    assert.equal((await row(other)).outcome, "abandoned");
  });

  it("keeps the provider's reference to a recording and the caller's consent, never more", async () => {
    const key = await aTransferredCall("recorded", { recordingConsent: true });
    const stored = await storeCallRecording(context, { ...key, reference: REF });
    assert.equal(stored.stored, true);
    assert.equal(stored.stored && stored.consent, true);
    const call = await row(key);
    assert.deepEqual(
      [call.recording_ref, call.recorded_at?.toISOString(), call.recording_consent],
      [REF, START.toISOString(), true],
    );
    const unknown = await storeCallRecording(context, { ...key, providerCallId: "nope", reference: REF });
    assert.deepEqual(unknown, { stored: false, reason: "unknown_call" });
    const refused = await aTransferredCall("refused", { recordingConsent: false });
    assert.equal((await row(refused)).recording_consent, false);
    assert.equal((await row(refused)).recording_ref, null);
  });

  it("clears the references past the retention, in its organisation only, with an event", async () => {
    const key = await aTransferredCall("old", { recordingConsent: true });
    await storeCallRecording(context, { ...key, reference: REF });
    const otherOrg = (await ensureOrganisation(database.db, { slug: "autre", name: "Autre" })).id;
    const otherKey: CallKey = {
      organisationId: otherOrg,
      provider: "twilio",
      providerCallId: "old-elsewhere",
    };
    await insertCall(database.db, {
      ...otherKey,
      callerNumber: null,
      conversationId: null,
      state: newCallState({ kind: "top", items: [] }),
      at: clock.now(),
    });
    await storeCallRecording(context, { ...otherKey, reference: REF });
    clock.advance(30 * DAY);
    const none = await purgeExpiredRecordings(database.db, { organisationId, retentionDays: 30, clock });
    assert.deepEqual(none, { recordings: 0 }, "not before the retention is over");
    clock.advance(1);
    assert.deepEqual(
      await purgeExpiredRecordings(database.db, { organisationId, retentionDays: 30, clock }),
      {
        recordings: 1,
      },
    );
    const call = await row(key);
    assert.equal(call.recording_ref, null);
    assert.ok(call.recorded_at, "that there was a recording stays, not where it is");
    const other = await database.db
      .selectFrom("calls")
      .select("recording_ref")
      .where("organisation_id", "=", otherOrg)
      .executeTakeFirstOrThrow();
    assert.equal(other.recording_ref, REF);
    const events = await database.db
      .selectFrom("events")
      .select(["organisation_id", "entity_type", "data"])
      .where("action", "=", "recordings.purged")
      .execute();
    assert.deepEqual(events, [
      { organisation_id: organisationId, entity_type: "call", data: { recordings: 1, retentionDays: 30 } },
    ]);
  });
});
