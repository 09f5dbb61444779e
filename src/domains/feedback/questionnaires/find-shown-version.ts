import type { Db } from "../../../shared/database.ts";
import { findPublishedQuestionnaireVersion, type Questionnaire } from "../questionnaires.repo.ts";
import { answeredVersionUnknown } from "./questionnaire-errors.ts";

/** undefined when none was given, null when it is not a version number. */
function versionOf(value: number | string | undefined): number | null | undefined {
  if (value === undefined || value === "") return undefined;
  const number = typeof value === "number" ? value : /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 1 ? number : null;
}

/**
 * The version of a published questionnaire a citizen's form was built from (its hidden field), so the
 * answer is read and checked against the questions the citizen saw even when an admin published a newer
 * version meanwhile. No version given: the current one. A version the questionnaire lacks: a French refusal.
 */
export async function findShownVersion(
  db: Db,
  input: { organisationId: string; questionnaire: Questionnaire; version: number | string | undefined },
): Promise<Questionnaire> {
  const version = versionOf(input.version);
  if (version === undefined || version === input.questionnaire.version) return input.questionnaire;
  const shown =
    version === null
      ? null
      : await findPublishedQuestionnaireVersion(db, {
          organisationId: input.organisationId,
          questionnaireId: input.questionnaire.id,
          version,
        });
  if (!shown) throw answeredVersionUnknown();
  return shown;
}
