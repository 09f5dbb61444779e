import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalTopic, parseTopic, topicParam } from "./topic-key.ts";

const ID = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";

describe("topic keys", () => {
  it("writes one page one way, whether a case or the assistant names it", () => {
    assert.equal(canonicalTopic(`faq:${ID}`), `local:${ID}`);
    assert.equal(canonicalTopic(`procedure:${ID.toUpperCase()}`), `local:${ID}`);
    assert.equal(canonicalTopic("F1342"), "F1342");
    assert.equal(canonicalTopic(""), "");
    assert.equal(canonicalTopic("autre-chose"), "autre-chose");
  });

  it("reads link parameters, « - » being no topic", () => {
    assert.deepEqual(parseTopic("-"), { kind: "none" });
    assert.deepEqual(parseTopic(`local:${ID}`), { kind: "local", localItemId: ID });
    assert.equal(parseTopic("F1342; DROP"), null);
    assert.equal(topicParam(""), "-");
    assert.equal(topicParam(`faq:${ID}`), `local:${ID}`);
  });
});
