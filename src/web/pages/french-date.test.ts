import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatFrenchDate } from "./french-date.ts";

describe("formatFrenchDate", () => {
  it("writes the first of the month as « 1er »", () => {
    assert.equal(formatFrenchDate("2020-10-01"), "1er octobre 2020");
  });
  it("writes other days as numbers, with accented month names", () => {
    assert.equal(formatFrenchDate("2019-02-16"), "16 février 2019");
    assert.equal(formatFrenchDate("2021-08-03"), "3 août 2021");
  });
  it("reads an instant in Paris time", () => {
    assert.equal(formatFrenchDate(new Date("2026-02-28T23:30:00Z")), "1er mars 2026");
  });
  it("returns an empty string for a malformed date", () => {
    assert.equal(formatFrenchDate("hier"), "");
    assert.equal(formatFrenchDate("2020-13-01"), "");
  });
});
