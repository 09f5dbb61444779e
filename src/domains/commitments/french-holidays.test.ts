import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { easterSunday, frenchHolidays } from "./french-holidays.ts";

describe("French public holidays", () => {
  it("computes Easter for known years", () => {
    assert.deepEqual(easterSunday(2024), { month: 3, day: 31 });
    assert.deepEqual(easterSunday(2025), { month: 4, day: 20 });
    assert.deepEqual(easterSunday(2026), { month: 4, day: 5 });
    assert.deepEqual(easterSunday(2038), { month: 4, day: 25 });
  });

  it("lists the 11 holidays of 2026 with the Easter-based ones", () => {
    const holidays = frenchHolidays(2026);
    assert.equal(holidays.size, 11);
    assert.equal(holidays.get("2026-04-06"), "Lundi de Pâques");
    assert.equal(holidays.get("2026-05-14"), "Ascension");
    assert.equal(holidays.get("2026-05-25"), "Lundi de Pentecôte");
    assert.equal(holidays.get("2026-07-14"), "Fête nationale");
    assert.equal(holidays.has("2026-12-26"), false);
  });

  it("adds Good Friday and Saint Stephen's day in Alsace-Moselle", () => {
    const holidays = frenchHolidays(2026, "alsace-moselle");
    assert.equal(holidays.size, 13);
    assert.equal(holidays.get("2026-04-03"), "Vendredi saint");
    assert.equal(holidays.get("2026-12-26"), "Saint-Étienne");
  });
});
