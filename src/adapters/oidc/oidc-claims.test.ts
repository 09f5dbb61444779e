import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { identityFromClaims } from "./oidc-claims.ts";

const issuer = "https://auth.example.gouv.fr/api/v2";

describe("identityFromClaims", () => {
  it("reads ProConnect's userinfo (given_name + usual_name), userinfo winning over the ID token", () => {
    const identity = identityFromClaims({
      issuer,
      idToken: { sub: "abc", email: "ancienne@mairie.fr" },
      userinfo: { sub: "abc", email: "Marie@Mairie.fr", given_name: "Marie", usual_name: "Dupont" },
    });
    assert.deepEqual(identity, {
      issuer,
      subject: "abc",
      email: "Marie@Mairie.fr",
      emailVerified: undefined,
      displayName: "Marie Dupont",
    });
  });

  it("prefers family_name, falls back to name, and ignores blank or non-string claims", () => {
    const both = identityFromClaims({
      issuer,
      idToken: { sub: "s", given_name: "Léa", family_name: "Martin", usual_name: "Autre", name: "X" },
      userinfo: undefined,
    });
    assert.equal(both.displayName, "Léa Martin");
    const nameOnly = identityFromClaims({
      issuer,
      idToken: { sub: "s", given_name: "  ", name: "Paul Durand", email: 42, email_verified: false },
      userinfo: undefined,
    });
    assert.equal(nameOnly.displayName, "Paul Durand");
    assert.equal(nameOnly.email, undefined);
    assert.equal(nameOnly.emailVerified, false);
    assert.equal(identityFromClaims({ issuer, idToken: { sub: "s" }, userinfo: {} }).displayName, undefined);
  });
});
