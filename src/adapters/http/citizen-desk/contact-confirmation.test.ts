import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isFormKey, newFormKey, sealToken, submissionKeyOf, unsealToken } from "./contact-confirmation.ts";

describe("contact confirmation sealing", () => {
  it("opens only with the form's own key", () => {
    const key = newFormKey();
    assert.ok(isFormKey(key));
    const sealed = sealToken(key, "jeton-de-suivi");
    assert.equal(unsealToken(key, sealed), "jeton-de-suivi");
    assert.equal(unsealToken(newFormKey(), sealed), null);
    assert.equal(unsealToken(key, `${sealed.slice(0, -2)}AA`), null);
  });
  it("stores a hash of the key as the case's submission key, never the key", () => {
    const key = newFormKey();
    assert.match(submissionKeyOf(key), /^web:[0-9a-f]{64}$/);
    assert.ok(!submissionKeyOf(key).includes(key));
    assert.equal(isFormKey("trop-court"), false);
  });
});
