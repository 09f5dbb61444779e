import assert from "node:assert/strict";
import { AppError } from "../../src/shared/app-error.ts";

/** The AppError a use case refused with; the test fails if it succeeded or threw something else. */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail("expected a refusal");
}
