import { type AppError, isAppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { findFicheTitles } from "../knowledge/fiches/index.ts";
import { countFiches } from "../knowledge/fiches.repo.ts";
import { getLocalItem } from "../knowledge/local/index.ts";
import { parseTopic, type TopicKey } from "../knowledge/topics/index.ts";
import { refuseCommitment } from "./commitment.ts";
import type { ProcedureField } from "./commitment-procedure.ts";

async function isPublishedProcedure(db: Db, organisationId: string, id: string): Promise<boolean> {
  try {
    const item = await getLocalItem(db, { organisationId, kind: "procedure", id });
    return item.status === "published";
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

/**
 * Refuses a procedure that is not there: a town's procedure must exist and be published; a fiche must be
 * among the imported service-public.fr fiches — once there are any (before the first import, a town may
 * already announce its commitments: the fiche id is then only checked for its form).
 */
export async function checkCommitmentProcedure(
  db: Db,
  input: { organisationId: string; topic: TopicKey; field: ProcedureField },
): Promise<void> {
  const topic = parseTopic(input.topic);
  let refusal: AppError | null = null;
  if (topic?.kind === "local") {
    if (!(await isPublishedProcedure(db, input.organisationId, topic.localItemId)))
      refusal = refuseCommitment(
        input.field,
        "Cette démarche n'est pas publiée ou n'existe plus : choisissez-en une autre dans la liste.",
      );
  } else if (topic?.kind === "fiche") {
    const titles = await findFicheTitles(db, { organisationId: input.organisationId, ids: [topic.ficheId] });
    if (!titles.has(topic.ficheId) && (await countFiches(db, input.organisationId)) > 0)
      refusal = refuseCommitment(
        input.field,
        `La fiche ${topic.ficheId} ne figure pas parmi les fiches service-public.fr importées : vérifiez son numéro.`,
      );
  }
  if (refusal) throw refusal;
}
