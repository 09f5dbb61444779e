import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword } from "./password-hash.ts";

const CHEAP = { N: 1024, r: 8, p: 1 };

describe("password hashing (scrypt)", () => {
  it("stores the parameters and a random salt in the hash, never the password", async () => {
    const first = await hashPassword("un mot de passe solide", CHEAP);
    const second = await hashPassword("un mot de passe solide", CHEAP);
    assert.match(first, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(first, second, "same password, different salts");
    assert.ok(!first.includes("solide"));
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("Été-2026 à la mairie", CHEAP);
    assert.equal(await verifyPassword("Été-2026 à la mairie", hash), true);
    assert.equal(await verifyPassword("Ete-2026 a la mairie", hash), false);
    assert.equal(await verifyPassword("", hash), false);
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const hash = await hashPassword("café-crème-2026", CHEAP);
    assert.equal(await verifyPassword("cafe\u0301-cre\u0300me-2026", hash), true);
  });

  it("verifies with the parameters read from the hash (the default cost can change later)", async () => {
    const strong = await hashPassword("mot-de-passe-fort", DEFAULT_SCRYPT_PARAMS);
    assert.match(strong, /^scrypt\$32768\$8\$3\$/);
    assert.equal(await verifyPassword("mot-de-passe-fort", strong), true);
  });

  it("refuses malformed or tampered hashes without throwing", async () => {
    const hash = await hashPassword("mot-de-passe", CHEAP);
    const parts = hash.split("$");
    const tamperedKey = [...parts.slice(0, 5), Buffer.alloc(32).toString("base64url")].join("$");
    for (const stored of [
      "",
      "bcrypt$10$abc",
      "scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", // N not a power of two
      "scrypt$1073741824$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", // absurd memory
      tamperedKey,
    ]) {
      assert.equal(await verifyPassword("mot-de-passe", stored), false, stored);
    }
  });
});
