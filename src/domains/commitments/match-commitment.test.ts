import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CommitmentChannel } from "./commitment.ts";
import { caseTopicKeys, matchCommitment } from "./match-commitment.ts";

const LOCAL = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";
const scope = (name: string, channel: CommitmentChannel | null, topic: string | null) => ({
  name,
  channel,
  topic,
});
const every = scope("every channel", null, null);
const email = scope("e-mail", "email", null);
const birth = scope("birth certificate", null, "F1427");
const birthByEmail = scope("birth certificate by e-mail", "email", "F1427");
const hall = scope("room booking", null, `local:${LOCAL}`);
const all = [every, email, birth, birthByEmail, hall];

const pick = (
  candidates: typeof all,
  channel: CommitmentChannel,
  topic: { ficheId?: string; localItemId?: string } | null,
) => matchCommitment(candidates, { channel, topics: caseTopicKeys(topic) })?.name ?? null;

describe("matching a case to a commitment", () => {
  it("prefers procedure and channel, then procedure, then channel, then every channel", () => {
    assert.equal(pick(all, "email", { ficheId: "F1427" }), "birth certificate by e-mail");
    assert.equal(pick(all, "web", { ficheId: "F1427" }), "birth certificate");
    assert.equal(pick(all, "email", { ficheId: "F1342" }), "e-mail");
    assert.equal(pick(all, "web", { ficheId: "F1342" }), "every channel");
    assert.equal(pick(all, "web", null), "every channel");
    // Without the procedure's own commitments, its e-mails fall back to the channel's.
    assert.equal(pick([every, email], "email", { ficheId: "F1427" }), "e-mail");
    assert.equal(pick([birthByEmail], "web", { ficheId: "F1427" }), null);
  });

  it("matches the town's own procedure by its topic key, whatever the case of its id", () => {
    assert.deepEqual(caseTopicKeys({ localItemId: LOCAL.toUpperCase() }), [`local:${LOCAL}`]);
    assert.equal(pick(all, "counter", { localItemId: LOCAL }), "room booking");
    assert.deepEqual(caseTopicKeys({ ficheId: "F1427", localItemId: LOCAL }), ["F1427", `local:${LOCAL}`]);
    // Two topics on one case: its fiche first, as the rollups read it.
    assert.equal(pick([hall, birth], "web", { ficheId: "F1427", localItemId: LOCAL }), "birth certificate");
    assert.equal(pick([hall, every], "web", { ficheId: "F1342", localItemId: LOCAL }), "room booking");
  });
});
