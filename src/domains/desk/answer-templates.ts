/** Saved answers agents reuse when they reply ("modèles de réponse"), one list per organisation. */
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { isUuid, newId } from "../../shared/ids.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";

export type AnswerTemplate = { id: string; title: string; body: string; updatedAt: Date };

export const MAX_TEMPLATE_TITLE_LENGTH = 120;
export const MAX_TEMPLATE_BODY_LENGTH = 20_000;

function invalid(field: "title" | "body", userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid template ${field}`,
    userMessage,
    details: { field },
  });
}

function templateNotFound(): AppError {
  return new AppError("NOT_FOUND", {
    message: "answer template not found",
    userMessage: "Ce modèle de réponse est introuvable.",
  });
}

export async function listAnswerTemplates(
  db: Db,
  input: { organisationId: string },
): Promise<AnswerTemplate[]> {
  const rows = await db
    .selectFrom("answer_templates")
    .select(["id", "title", "body", "updated_at"])
    .where("organisation_id", "=", input.organisationId)
    .orderBy("title")
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at }));
}

/** The template, or NOT_FOUND (unknown id, or another organisation's). */
export async function getAnswerTemplate(
  db: Db,
  input: { organisationId: string; id: string },
): Promise<AnswerTemplate> {
  if (!isUuid(input.id)) throw templateNotFound();
  const row = await db
    .selectFrom("answer_templates")
    .select(["id", "title", "body", "updated_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.id)
    .executeTakeFirst();
  if (!row) throw templateNotFound();
  return { id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at };
}

export async function createAnswerTemplate(
  db: Db,
  input: { organisationId: string; title: string; body: string; actorId: string | null; clock: Clock },
): Promise<AnswerTemplate> {
  const title = collapseWhitespace(stripControlCharacters(input.title ?? ""));
  const body = stripControlCharacters(input.body ?? "")
    .replace(/\r\n?/g, "\n")
    .trim();
  if (title === "") throw invalid("title", "Veuillez donner un titre au modèle.");
  if (title.length > MAX_TEMPLATE_TITLE_LENGTH)
    throw invalid("title", `Le titre ne doit pas dépasser ${MAX_TEMPLATE_TITLE_LENGTH} caractères.`);
  if (body === "") throw invalid("body", "Veuillez écrire le texte du modèle.");
  if (body.length > MAX_TEMPLATE_BODY_LENGTH)
    throw invalid("body", "Le texte du modèle ne doit pas dépasser 20 000 caractères.");
  const now = input.clock.now();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("answer_templates")
      .values({ id, organisation_id: input.organisationId, title, body, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(["organisation_id", "title"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted)
      throw new AppError("CONFLICT", {
        message: "answer template title taken",
        userMessage: "Un modèle porte déjà ce titre : choisissez-en un autre.",
        details: { field: "title" },
      });
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "answer_template",
      entityId: id,
      action: "answer_template.created",
      actorId: input.actorId,
    });
    return { id, title, body, updatedAt: now };
  });
}

export async function deleteAnswerTemplate(
  db: Db,
  input: { organisationId: string; id: string; actorId: string | null },
): Promise<AnswerTemplate> {
  if (!isUuid(input.id)) throw templateNotFound();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("answer_templates")
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.id)
      .returning(["id", "title", "body", "updated_at"])
      .executeTakeFirst();
    if (!row) throw templateNotFound();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "answer_template",
      entityId: row.id,
      action: "answer_template.deleted",
      actorId: input.actorId,
    });
    return { id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at };
  });
}
