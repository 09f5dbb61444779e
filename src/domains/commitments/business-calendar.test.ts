import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  addBusinessDays,
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  parisInstant,
} from "./business-calendar.ts";

const at = (iso: string) => new Date(iso);

describe("business calendar (Paris, Mon–Fri 8:30–12:00 and 13:30–17:30)", () => {
  it("reads Paris wall-clock times on both sides of the DST changes", () => {
    assert.equal(parisInstant("2026-01-15", "08:30").toISOString(), "2026-01-15T07:30:00.000Z");
    assert.equal(parisInstant("2026-07-15", "08:30").toISOString(), "2026-07-15T06:30:00.000Z");
    // 29 March 2026: clocks go forward at 2:00; 25 October 2026: back at 3:00.
    assert.equal(parisInstant("2026-03-30", "08:30").toISOString(), "2026-03-30T06:30:00.000Z");
    assert.equal(parisInstant("2026-10-26", "08:30").toISOString(), "2026-10-26T07:30:00.000Z");
  });

  it("counts 48 opening hours from a Friday afternoon across the weekend", () => {
    // Friday 6 March 2026, 16:00 Paris: 1 h 30 left that day, then 7 h 30 a day.
    const due = addBusinessMinutes(at("2026-03-06T15:00:00Z"), 48 * 60, DEFAULT_CALENDAR);
    // 1.5 h + 7.5 h × 6 days (9–13 and 16 March) = 46.5 h at Monday 16 closing; 1.5 h more → Tuesday 17
    // March 10:00 Paris.
    assert.equal(due.toISOString(), "2026-03-17T09:00:00.000Z");
  });

  it("skips the Easter Monday long weekend", () => {
    // Thursday 2 April 2026 17:00 Paris; Friday 3 open, Monday 6 April is Easter Monday.
    const due = addBusinessMinutes(at("2026-04-02T15:00:00Z"), 8 * 60, DEFAULT_CALENDAR);
    // 0.5 h Thursday, 7.5 h Friday → exactly the end of Friday.
    assert.equal(due.toISOString(), "2026-04-03T15:30:00.000Z");
    const fiveDays = addBusinessDays(at("2026-04-02T15:00:00Z"), 5, DEFAULT_CALENDAR);
    // Open days after Thursday 2: Fri 3, Tue 7, Wed 8, Thu 9, Fri 10 → Friday 10 April 17:30 Paris.
    assert.equal(fiveDays.toISOString(), "2026-04-10T15:30:00.000Z");
  });

  it("keeps opening hours in wall-clock time across the DST change", () => {
    // Friday 27 March 2026 17:00 (UTC+1) + 1 h → Monday 30 March 9:00 (UTC+2).
    const due = addBusinessMinutes(at("2026-03-27T16:00:00Z"), 60, DEFAULT_CALENDAR);
    assert.equal(due.toISOString(), "2026-03-30T07:00:00.000Z");
  });

  it("honours exceptional closures and the Alsace-Moselle holidays", () => {
    const closed: BusinessCalendar = {
      ...DEFAULT_CALENDAR,
      closures: [{ from: "2026-03-09", to: "2026-03-10" }],
    };
    const due = addBusinessMinutes(at("2026-03-06T16:30:00Z"), 60, closed);
    assert.equal(due.toISOString(), "2026-03-11T08:30:00.000Z");
    const alsace: BusinessCalendar = { ...DEFAULT_CALENDAR, region: "alsace-moselle" };
    // Thursday 2 April 17:00 + 1 h: Good Friday 3 April is closed there → Tuesday 7 April 9:00.
    assert.equal(
      addBusinessMinutes(at("2026-04-02T15:00:00Z"), 60, alsace).toISOString(),
      "2026-04-07T07:00:00.000Z",
    );
  });

  it("measures opening time between two instants", () => {
    // Friday 16:00 → Monday 10:00 (Paris): 1.5 h + 1.5 h.
    assert.equal(
      businessMinutesBetween(at("2026-03-06T15:00:00Z"), at("2026-03-09T09:00:00Z"), DEFAULT_CALENDAR),
      180,
    );
    assert.equal(
      businessMinutesBetween(at("2026-03-09T09:00:00Z"), at("2026-03-06T15:00:00Z"), DEFAULT_CALENDAR),
      0,
    );
  });
});
