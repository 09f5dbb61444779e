/** An improvement action as pages see it, and the checks shared by its use cases. */
import { AppError } from "../../../shared/app-error.ts";
import type { Db, ImprovementActionStatus } from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import { collapseWhitespace } from "../../../shared/text.ts";
import { cleanText } from "../testimonials/testimonial-input.ts";

export type ImprovementAction = {
  id: string;
  title: string;
  description: string;
  outcome: string;
  status: ImprovementActionStatus;
  ownerId: string | null;
  startedAt: Date | null;
  realisedAt: Date | null;
  abandonedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ActionForm = { titre?: string; description?: string; resultat?: string; responsable?: string };
export type ActionFormError = { field: string; message: string };
export type ActionValues = { title: string; description: string; outcome: string; ownerId: string | null };

export const ACTION_TITLE_MAX = 150;
export const ACTION_TEXT_MAX = 4000;

export function actionNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "improvement action not found",
    userMessage: "Cette action d'amélioration est introuvable.",
  });
}

/** Every refusal at once (field id → French message); texts are scrubbed like citizens' ones. */
export async function readActionForm(
  db: Db,
  organisationId: string,
  form: ActionForm,
): Promise<{ ok: true; values: ActionValues } | { ok: false; errors: ActionFormError[] }> {
  const errors: ActionFormError[] = [];
  const title = collapseWhitespace(cleanText(form.titre ?? ""));
  const description = cleanText(form.description ?? "");
  const outcome = cleanText(form.resultat ?? "");
  if (title === "") errors.push({ field: "titre", message: "Donnez un titre à l'action." });
  else if (title.length > ACTION_TITLE_MAX)
    errors.push({ field: "titre", message: `Le titre doit faire ${ACTION_TITLE_MAX} caractères au plus.` });
  if (description === "") errors.push({ field: "description", message: "Décrivez l'action envisagée." });
  else if (description.length > ACTION_TEXT_MAX)
    errors.push({
      field: "description",
      message: `La description doit faire ${ACTION_TEXT_MAX} caractères au plus.`,
    });
  if (outcome.length > ACTION_TEXT_MAX)
    errors.push({ field: "resultat", message: `Ce texte doit faire ${ACTION_TEXT_MAX} caractères au plus.` });
  const ownerId = (form.responsable ?? "").trim() || null;
  if (ownerId !== null) {
    const owner = isUuid(ownerId)
      ? await db
          .selectFrom("agents")
          .select("id")
          .where("organisation_id", "=", organisationId)
          .where("id", "=", ownerId)
          .where("disabled_at", "is", null)
          .executeTakeFirst()
      : undefined;
    if (!owner) errors.push({ field: "responsable", message: "Choisissez un responsable dans la liste." });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, values: { title, description, outcome, ownerId } };
}

export async function selectAction(
  db: Db,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ImprovementAction | null> {
  if (!isUuid(id)) return null;
  let query = db
    .selectFrom("improvement_actions")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    outcome: row.outcome,
    status: row.status,
    ownerId: row.owner_id,
    startedAt: row.started_at,
    realisedAt: row.realised_at,
    abandonedAt: row.abandoned_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
