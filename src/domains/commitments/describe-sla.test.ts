import assert from "node:assert/strict";
import { it } from "node:test";
import { DEFAULT_CALENDAR } from "./business-calendar.ts";
import { describeSla } from "./describe-sla.ts";
import { slaOnTransition } from "./sla-clock.ts";

const at = (iso: string) => new Date(iso);
const calendar = DEFAULT_CALENDAR;

it("says time left in hours under a working day, else in open days, and late after the deadline", () => {
  const dueAt = at("2026-04-10T15:30:00Z"); // Friday 10 April 17:30 Paris
  const base = { dueAt, met: null, waitingSince: null, calendar };
  assert.deepEqual(describeSla({ ...base, now: at("2026-04-10T12:30:00Z") }), {
    state: "running",
    dueAt,
    left: { unit: "hours", minutes: 180 },
  });
  // Thursday 2 April 17:00: the open days after it up to the deadline's day, Easter Monday excluded.
  assert.deepEqual(describeSla({ ...base, now: at("2026-04-02T15:00:00Z") }), {
    state: "running",
    dueAt,
    left: { unit: "days", days: 5 },
  });
  // Tuesday 14 April 9:00: late by Monday 13 and Tuesday 14.
  assert.deepEqual(describeSla({ ...base, now: at("2026-04-14T07:00:00Z") }), {
    state: "late",
    dueAt,
    late: { unit: "days", days: 2 },
  });
  assert.deepEqual(
    describeSla({ ...base, waitingSince: at("2026-04-09T08:00:00Z"), now: at("2026-04-20T08:00:00Z") }),
    {
      state: "paused",
      dueAt,
      late: null,
    },
  );
  assert.equal(describeSla({ ...base, met: false, now: dueAt })?.state, "missed");
  assert.equal(describeSla({ ...base, dueAt: null, now: dueAt }), null);
});

it("stops a resolution clock at resolution only, and a first-reply clock at the first reply", () => {
  const common = {
    dueAt: at("2026-04-10T15:30:00Z"),
    from: "en_cours" as const,
    waitingSince: null,
    now: at("2026-04-10T15:31:00Z"),
    calendar,
  };
  assert.equal(
    slaOnTransition({ ...common, measure: "resolution", to: "en_cours", firstReply: true }).met,
    null,
  );
  assert.equal(
    slaOnTransition({ ...common, measure: "first_reply", to: "en_cours", firstReply: true }).met,
    false,
  );
  assert.equal(
    slaOnTransition({ ...common, measure: "resolution", to: "resolu", firstReply: false, now: common.dueAt })
      .met,
    true,
    "on the deadline itself is in time",
  );
});
