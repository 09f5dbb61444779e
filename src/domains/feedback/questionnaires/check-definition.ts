/**
 * Reads a questionnaire definition typed by an admin (JSON text) and says, in French and with the path
 * of each problem, everything that is wrong at once. The messages come from the TypeBox schema itself
 * (types, lengths, bounds, allowed values), walked by hand because a union's own errors only say
 * "expected union value": a question is checked against the member its `type` names.
 */
import { KindGuard, type TSchema } from "@sinclair/typebox";
import {
  DefinitionV1Schema,
  definitionProblems,
  FieldSchema,
  type QuestionnaireDefinition,
} from "../questionnaire-definition.ts";
import { describePath } from "./definition-path.ts";

/**
 * `path` is a JSON pointer ("/sections/0/fields/2/label"), "" for the text as a whole (its syntax, or a
 * rule between questions); `message` says where and what, in French.
 */
export type DefinitionError = { path: string; message: string };

export type DefinitionCheck =
  | { ok: true; definition: QuestionnaireDefinition }
  | { ok: false; errors: DefinitionError[] };

/** Far above any real questionnaire (the JDMA is about 5 000 characters), far below the body limit. */
export const MAX_DEFINITION_LENGTH = 100_000;

const FIELD_TYPES = FieldSchema.anyOf.map((member) => member.properties.type.const);

const ID_PATTERN = "^[a-z][a-z0-9_]{0,39}$";

const plural = (n: number, word: string) => `${n.toLocaleString("fr-FR")} ${word}${n > 1 ? "s" : ""}`;

function frenchList(values: unknown[]): string {
  const shown = values.map((value) => (typeof value === "string" ? `« ${value} »` : String(value)));
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} ou ${shown.at(-1)}` : (shown[0] ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The problem of a value against a schema that has no children (text, number, literal...). */
function leafProblem(schema: TSchema, value: unknown): string | null {
  if (KindGuard.IsLiteral(schema))
    return value === schema.const ? null : `la valeur doit être ${frenchList([schema.const])}.`;
  if (KindGuard.IsUnion(schema)) {
    const allowed = schema.anyOf.filter(KindGuard.IsLiteral).map((member) => member.const);
    return allowed.includes(value as never) ? null : `valeurs possibles : ${frenchList(allowed)}.`;
  }
  if (KindGuard.IsBoolean(schema))
    return typeof value === "boolean" ? null : "la valeur doit être true ou false (sans guillemets).";
  if (KindGuard.IsInteger(schema)) {
    const { minimum, maximum } = schema;
    const range = `un nombre entier de ${minimum ?? "…"} à ${maximum ?? "…"} (sans guillemets)`;
    if (typeof value !== "number" || !Number.isInteger(value)) return `la valeur doit être ${range}.`;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum))
      return `la valeur ${value} est hors limites : ${range}.`;
    return null;
  }
  if (KindGuard.IsString(schema)) {
    if (typeof value !== "string") return "la valeur doit être un texte entre guillemets.";
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      return schema.minLength === 1
        ? "le texte ne doit pas être vide."
        : `le texte doit faire au moins ${plural(schema.minLength, "caractère")}.`;
    if (schema.maxLength !== undefined && length > schema.maxLength)
      return `le texte fait ${plural(length, "caractère")} : ${plural(schema.maxLength, "caractère")} au plus.`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
      return schema.pattern === ID_PATTERN
        ? `identifiant « ${value} » non valide : une lettre minuscule, puis des lettres minuscules sans accent, chiffres ou _ (40 caractères au plus).`
        : "le texte n'a pas la forme attendue.";
    return null;
  }
  return "valeur non reconnue.";
}

type Walk = { errors: DefinitionError[]; root: unknown };

function report(walk: Walk, path: string, problem: string): void {
  walk.errors.push({ path, message: `${describePath(walk.root, path)} : ${problem}` });
}

function checkObject(walk: Walk, schema: TSchema, value: unknown, path: string): void {
  if (!isRecord(value)) {
    report(walk, path, "un objet { … } est attendu ici.");
    return;
  }
  const properties = schema.properties as Record<string, TSchema>;
  const required: string[] = schema.required ?? [];
  for (const key of required)
    if (value[key] === undefined) report(walk, `${path}/${key}`, "cette propriété est obligatoire.");
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key];
    if (childSchema) checkValue(walk, childSchema, child, `${path}/${key}`);
    else
      report(
        walk,
        `${path}/${key}`,
        `propriété inconnue (vérifiez son orthographe ; possibles ici : ${Object.keys(properties).join(", ")}).`,
      );
  }
}

function checkArray(walk: Walk, schema: TSchema, value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    report(walk, path, "une liste [ … ] est attendue ici.");
    return;
  }
  if (schema.minItems !== undefined && value.length < schema.minItems)
    report(walk, path, `la liste doit contenir au moins ${plural(schema.minItems, "élément")}.`);
  if (schema.maxItems !== undefined && value.length > schema.maxItems)
    report(walk, path, `la liste contient ${value.length} éléments : ${schema.maxItems} au plus.`);
  value.forEach((item, index) => {
    checkValue(walk, schema.items as TSchema, item, `${path}/${index}`);
  });
}

/** A union of objects is told apart by its `type` (the kind of question). */
function checkTaggedUnion(walk: Walk, members: TSchema[], value: unknown, path: string): void {
  if (!isRecord(value)) {
    report(walk, path, "un objet { … } est attendu ici.");
    return;
  }
  const member = members.find((candidate) => candidate.properties?.type?.const === value.type);
  if (member) checkObject(walk, member, value, path);
  else if (value.type === undefined)
    report(walk, `${path}/type`, `indiquez le type de la question : ${frenchList(FIELD_TYPES)}.`);
  else report(walk, `${path}/type`, `type de question inconnu : utilisez ${frenchList(FIELD_TYPES)}.`);
}

function checkValue(walk: Walk, schema: TSchema, value: unknown, path: string): void {
  if (KindGuard.IsObject(schema)) checkObject(walk, schema, value, path);
  else if (KindGuard.IsArray(schema)) checkArray(walk, schema, value, path);
  else if (KindGuard.IsUnion(schema) && schema.anyOf.every(KindGuard.IsObject))
    checkTaggedUnion(walk, schema.anyOf, value, path);
  else {
    const problem = leafProblem(schema, value);
    if (problem) report(walk, path, problem);
  }
}

/** A parsed value against the schema, then what the schema cannot say (unique ids, a valid source...). */
export function checkDefinition(value: unknown): DefinitionCheck {
  const walk: Walk = { errors: [], root: value };
  checkValue(walk, DefinitionV1Schema, value, "");
  if (walk.errors.length > 0) return { ok: false, errors: walk.errors };
  const definition = value as QuestionnaireDefinition;
  const problems = definitionProblems(definition);
  if (problems.length > 0) return { ok: false, errors: problems.map((message) => ({ path: "", message })) };
  return { ok: true, definition };
}

/** Line and column (from 1) of a character offset, for a JSON syntax error. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function syntaxError(text: string, error: unknown): DefinitionError {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (position === undefined)
    return {
      path: "",
      message:
        "Le texte n'est pas du JSON valide : il se termine trop tôt ou contient un caractère inattendu. Vérifiez que chaque accolade, crochet et guillemet ouvert est refermé.",
    };
  const { line, column } = lineAndColumn(text, Number(position));
  return {
    path: "",
    message: `Le texte n'est pas du JSON valide à la ligne ${line}, colonne ${column} : vérifiez les virgules (ni manquantes ni en trop avant } ou ]), les guillemets droits "…" autour des textes et des noms, et les accolades.`,
  };
}

/** The admin's text: JSON syntax first (with line and column), then the definition itself. */
export function checkDefinitionText(text: string): DefinitionCheck {
  if (text.trim() === "")
    return {
      ok: false,
      errors: [{ path: "", message: "Collez ou saisissez la définition du questionnaire." }],
    };
  if (text.length > MAX_DEFINITION_LENGTH)
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: `La définition est trop longue : ${MAX_DEFINITION_LENGTH.toLocaleString("fr-FR")} caractères au plus.`,
        },
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [syntaxError(text, error)] };
  }
  return checkDefinition(value);
}
