import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import type { ServiceCommitment } from "./commitment.ts";
import { selectCommitment } from "./commitments.repo.ts";

export function commitmentNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "commitment not found",
    userMessage: "Cet engagement de service est introuvable.",
  });
}

export async function getCommitment(
  db: Db,
  input: { organisationId: string; commitmentId: string },
): Promise<ServiceCommitment> {
  const found = isUuid(input.commitmentId)
    ? await selectCommitment(db, input.organisationId, input.commitmentId)
    : null;
  if (!found) throw commitmentNotFound();
  return found;
}
