/**
 * The procedure ("démarche") of a commitment, as typed in the admin form: one of the town's own
 * procedures chosen in a list, or a service-public.fr fiche by its id or its address. Stored as the
 * topic key cases and rollups use ("F1342", "local:<uuid>"). Pure: whether the page exists is checked
 * by check-commitment-procedure.ts.
 */
import { AppError } from "../../shared/app-error.ts";
import { FICHE_ID_PATTERN } from "../knowledge/fiches/index.ts";
import { parseTopic, type TopicKey, topicKeyOf } from "../knowledge/topics/index.ts";

/** The form field a procedure came from (errors link to it). */
export type ProcedureField = "procedure" | "fiche";

export type ParsedProcedure = { topic: TopicKey; field: ProcedureField };

/** "F1342", "f1342", or an address ending with it (".../vosdroits/F1342", "?…" and "#…" ignored). */
const FICHE_IN_TEXT = /(?:^|\/)([FNR]\d{1,7}(?:-\d{1,3})?)\/?(?:[?#].*)?$/i;

function refuse(field: ProcedureField, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid commitment: ${field}`,
    userMessage,
    details: { field },
  });
}

/** null: every procedure. */
export function parseProcedure(input: { procedure: string; fiche: string }): ParsedProcedure | null {
  const chosen = input.procedure.trim();
  const typed = input.fiche.trim();
  if (chosen !== "" && typed !== "")
    throw refuse(
      "fiche",
      "Indiquez soit une démarche de la commune, soit une fiche service-public.fr, mais pas les deux.",
    );
  if (chosen !== "") {
    const topic = parseTopic(chosen);
    if (topic?.kind !== "local") throw refuse("procedure", "Choisissez une démarche dans la liste.");
    return { topic: topicKeyOf(topic), field: "procedure" };
  }
  if (typed === "") return null;
  const id = FICHE_IN_TEXT.exec(typed.slice(0, 500))?.[1]?.toUpperCase();
  if (!id || !FICHE_ID_PATTERN.test(id))
    throw refuse(
      "fiche",
      "Indiquez le numéro d'une fiche service-public.fr, par exemple F1342 : il figure à la fin de l'adresse de la fiche.",
    );
  return { topic: id, field: "fiche" };
}

/** The form fields of a stored procedure (the edit form shows it where it was chosen). */
export function procedureFields(topic: TopicKey | null): { procedure: string; fiche: string } {
  const parsed = topic === null ? null : parseTopic(topic);
  if (parsed?.kind === "local") return { procedure: topicKeyOf(parsed), fiche: "" };
  if (parsed?.kind === "fiche") return { procedure: "", fiche: parsed.ficheId };
  return { procedure: "", fiche: "" };
}
