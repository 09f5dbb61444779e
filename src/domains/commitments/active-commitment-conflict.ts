import { AppError } from "../../shared/app-error.ts";
import type { CheckedCommitment } from "./commitment.ts";
import type { Trx } from "./transaction.ts";

type Scope = Pick<CheckedCommitment, "measure" | "channel" | "topic" | "topicField">;

function conflictMessage(scope: Scope): { userMessage: string; field: string } {
  if (scope.measure === "agent_answer")
    return {
      userMessage:
        "Un engagement actif porte déjà sur les appels décrochés par un agent : désactivez-le ou modifiez-le d'abord.",
      field: "measure",
    };
  if (scope.topic !== null)
    return {
      userMessage:
        scope.channel === null
          ? "Un engagement actif existe déjà pour cette démarche, tous canaux confondus : désactivez-le ou modifiez-le d'abord."
          : "Un engagement actif existe déjà pour cette démarche sur ce canal : désactivez-le ou modifiez-le d'abord.",
      field: scope.topicField ?? "fiche",
    };
  return {
    userMessage:
      scope.channel === null
        ? "Un engagement actif couvre déjà tous les canaux : désactivez-le ou modifiez-le d'abord."
        : "Un engagement actif existe déjà pour ce canal : désactivez-le ou modifiez-le d'abord.",
    field: "channel",
  };
}

/**
 * A case is measured against one commitment, so each (channel, procedure) pair has at most one active
 * commitment ("every channel" and "every procedure" included), and there is at most one active calls
 * commitment. The unique indexes say the same (migration 0020); this gives the French reason first.
 */
export async function refuseSecondActive(
  trx: Trx,
  input: { organisationId: string; scope: Scope; exceptId?: string },
): Promise<void> {
  const { scope } = input;
  let query = trx
    .selectFrom("service_commitments")
    .select("id")
    .where("organisation_id", "=", input.organisationId)
    .where("active", "=", true);
  if (scope.measure === "agent_answer") query = query.where("measure", "=", "agent_answer");
  else
    query = query
      .where("measure", "<>", "agent_answer")
      .where("channel", scope.channel === null ? "is" : "=", scope.channel)
      .where("topic", scope.topic === null ? "is" : "=", scope.topic);
  if (input.exceptId) query = query.where("id", "<>", input.exceptId);
  if (await query.executeTakeFirst()) {
    const { userMessage, field } = conflictMessage(scope);
    throw new AppError("CONFLICT", {
      message: "second active commitment for a scope",
      userMessage,
      details: { field },
    });
  }
}
