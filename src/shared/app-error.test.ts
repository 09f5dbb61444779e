import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError, httpStatusOf } from "./app-error.ts";

describe("AppError", () => {
  it("carries a French default message and maps to its HTTP status", () => {
    const error = new AppError("NOT_FOUND");
    assert.equal(error.userMessage, "La page ou l'élément demandé est introuvable.");
    assert.equal(httpStatusOf(error.code), 404);
  });

  it("keeps the log message separate from the user message", () => {
    const error = new AppError("BAD_REQUEST", {
      message: "q too long: 10000",
      userMessage: "Recherche trop longue.",
    });
    assert.equal(error.message, "q too long: 10000");
    assert.equal(error.userMessage, "Recherche trop longue.");
  });
});
