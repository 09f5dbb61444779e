import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { issueTrackingGrant, verifyTrackingGrant } from "./tracking-grant.ts";

const SECRET = "s".repeat(48);
const GRANT = { organisationId: "org-1", reference: "GU-2026-000001", email: "a@exemple.fr" };
const NOW = new Date("2026-03-01T10:00:00Z");

describe("tracking grant", () => {
  it("gives back what it signed, within the hour", () => {
    const value = issueTrackingGrant(SECRET, GRANT, NOW);
    assert.deepEqual(verifyTrackingGrant(SECRET, value, new Date(NOW.getTime() + 59 * 60_000)), GRANT);
  });
  it("refuses an expired, re-signed or altered grant", () => {
    const value = issueTrackingGrant(SECRET, GRANT, NOW);
    assert.equal(verifyTrackingGrant(SECRET, value, new Date(NOW.getTime() + 61 * 60_000)), null);
    assert.equal(verifyTrackingGrant("t".repeat(48), value, NOW), null);
    const [, signature] = value.split(".");
    const other = Buffer.from(
      JSON.stringify({ o: "org-1", r: "GU-2026-000002", e: "a@exemple.fr", x: NOW.getTime() + 1e6 }),
    ).toString("base64url");
    assert.equal(verifyTrackingGrant(SECRET, `${other}.${signature}`, NOW), null);
    assert.equal(verifyTrackingGrant(SECRET, "", NOW), null);
  });
});
