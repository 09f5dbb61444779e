import assert from "node:assert/strict";
import { it } from "node:test";
import { DEFAULT_CALENDAR } from "./business-calendar.ts";
import { computeDueDate } from "./compute-due-date.ts";

const at = (iso: string) => new Date(iso);

it("answers 'sous 5 jours ouvrés' across the Easter long weekend, then moves by the citizen's pause", () => {
  const openedAt = at("2026-04-02T15:00:00Z"); // Thursday 2 April 2026, 17:00 Paris
  const delay = { unit: "business_days", amount: 5 } as const;
  const plain = computeDueDate({ openedAt, delay, calendar: DEFAULT_CALENDAR, now: openedAt });
  assert.equal(plain.toISOString(), "2026-04-10T15:30:00.000Z"); // Friday 10 April 17:30 (Easter Monday skipped)
  // Waiting for the citizen from Tuesday 7 April 10:00 to Wednesday 8 April 10:00 Paris: 7.5 business hours.
  const paused = computeDueDate({
    openedAt,
    delay,
    calendar: DEFAULT_CALENDAR,
    pauses: [{ from: at("2026-04-07T08:00:00Z"), to: at("2026-04-08T08:00:00Z") }],
    now: at("2026-04-09T08:00:00Z"),
  });
  // Friday 10 April 17:30 + 7.5 h → Monday 13 April 17:30 Paris.
  assert.equal(paused.toISOString(), "2026-04-13T15:30:00.000Z");
});

it("counts a pause still running up to now", () => {
  const due = computeDueDate({
    openedAt: at("2026-03-09T08:00:00Z"), // Monday 9 March 9:00 Paris
    delay: { unit: "business_hours", amount: 48 },
    calendar: DEFAULT_CALENDAR,
    pauses: [{ from: at("2026-03-10T08:00:00Z"), to: null }],
    now: at("2026-03-10T10:00:00Z"), // 2 hours into the pause (9:00 → 11:00)
  });
  // 48 h from Monday 9:00: 7 h Monday, 7.5 h × 5 (Tue–Mon 16) = 44.5, then 3.5 h Tuesday 17 → 12:00… plus
  // 2 h paused → Tuesday 17 March 15:30 Paris (12:00 is lunch: 8:30+3.5 h = 12:00, +2 h from 13:30).
  assert.equal(due.toISOString(), "2026-03-17T14:30:00.000Z");
});
