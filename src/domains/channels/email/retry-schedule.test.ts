import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_ATTEMPTS, nextAttemptDelay } from "./retry-schedule.ts";

describe("retry schedule", () => {
  it("backs off exponentially-ish: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then gives up", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => nextAttemptDelay(n));
    assert.deepEqual(
      delays.map((ms) => (ms ?? 0) / 60_000),
      [1, 5, 30, 120, 360, 720],
    );
    assert.equal(nextAttemptDelay(7), undefined);
    assert.equal(MAX_ATTEMPTS, 7);
  });

  it("stays under about a day in total", () => {
    let total = 0;
    for (let n = 1; nextAttemptDelay(n) !== undefined; n++) total += nextAttemptDelay(n) ?? 0;
    assert.ok(total <= 24 * 3_600_000, `total ${total / 3_600_000} h`);
  });
});
