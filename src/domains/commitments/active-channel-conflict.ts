import { AppError } from "../../shared/app-error.ts";
import type { CommitmentChannel } from "./commitment.ts";
import type { Trx } from "./transaction.ts";

/**
 * A case is measured against one commitment, so a channel has at most one active commitment (and there
 * is at most one for every channel). The unique index says the same; this gives the French reason first.
 */
export async function refuseSecondActive(
  trx: Trx,
  input: { organisationId: string; channel: CommitmentChannel | null; exceptId?: string },
): Promise<void> {
  let query = trx
    .selectFrom("service_commitments")
    .select("id")
    .where("organisation_id", "=", input.organisationId)
    .where("active", "=", true)
    .where("channel", input.channel === null ? "is" : "=", input.channel);
  if (input.exceptId) query = query.where("id", "<>", input.exceptId);
  if (await query.executeTakeFirst())
    throw new AppError("CONFLICT", {
      message: "second active commitment for a channel",
      userMessage:
        input.channel === null
          ? "Un engagement actif couvre déjà tous les canaux : désactivez-le ou modifiez-le d'abord."
          : "Un engagement actif existe déjà pour ce canal : désactivez-le ou modifiez-le d'abord.",
      details: { field: "channel" },
    });
}
