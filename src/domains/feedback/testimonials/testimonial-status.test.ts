import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TestimonialStatus } from "../../../shared/database.ts";
import { nextTestimonialStatus, TESTIMONIAL_STATUSES, type TestimonialEvent } from "./testimonial-status.ts";

// The expected workflow written out again by hand: a change to the table must be a change here too.
const M = "a_moderer";
const A = "approuve";
const R = "rejete";
const P = "publie";
type Expected = TestimonialStatus | "final" | "not_allowed";

const EXPECTED: Record<TestimonialEvent, Record<TestimonialStatus, Expected>> = {
  approve: { a_moderer: A, approuve: "not_allowed", rejete: "final", publie: "not_allowed" },
  reject: { a_moderer: R, approuve: R, rejete: "final", publie: "not_allowed" },
  edit: { a_moderer: M, approuve: A, rejete: "final", publie: P },
  draft_reply: { a_moderer: M, approuve: A, rejete: "final", publie: "not_allowed" },
  validate_reply: { a_moderer: "not_allowed", approuve: P, rejete: "final", publie: "not_allowed" },
  publish_without_reply: { a_moderer: "not_allowed", approuve: P, rejete: "final", publie: "not_allowed" },
  unpublish: { a_moderer: "not_allowed", approuve: "not_allowed", rejete: "final", publie: A },
  flag_improvement: { a_moderer: M, approuve: A, rejete: R, publie: P },
};

describe("testimonial status machine", () => {
  for (const [event, row] of Object.entries(EXPECTED) as [
    TestimonialEvent,
    Record<TestimonialStatus, Expected>,
  ][]) {
    for (const from of TESTIMONIAL_STATUSES) {
      it(`${event} from ${from}: ${row[from]}`, () => {
        const decision = nextTestimonialStatus(from, event);
        assert.equal(decision.ok ? decision.status : decision.refusal, row[from]);
      });
    }
  }

  it("reports `changed` only when the status moves", () => {
    assert.deepEqual(nextTestimonialStatus("approuve", "edit"), {
      ok: true,
      status: "approuve",
      changed: false,
    });
    assert.deepEqual(nextTestimonialStatus("approuve", "validate_reply"), {
      ok: true,
      status: "publie",
      changed: true,
    });
  });

  it("only a published testimonial is public, and only validation or an explicit choice publishes it", () => {
    const publishing = (Object.keys(EXPECTED) as TestimonialEvent[]).filter(
      (event) => EXPECTED[event].approuve === P,
    );
    assert.deepEqual(publishing.sort(), ["publish_without_reply", "validate_reply"]);
  });
});
