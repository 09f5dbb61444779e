/**
 * A questionnaire's definition, stored as JSON in `questionnaire_versions` and validated when read back.
 * The `v` field versions the shape itself (a future `v: 2` joins the union); an edit by an admin is a new
 * row, never an update, so an answer is always read against the questions the citizen saw.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/** Longest free text kept: longer is refused, never cut (the citizen decides what to remove). */
export const MAX_TEXT_LENGTH = 2000;

export const PERSONAL_DATA_WARNING =
  "N'indiquez pas d'informations personnelles (nom, adresse, numéro de téléphone, de sécurité sociale ou de dossier) : elles seraient effacées.";

const Id = Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" });
const Label = Type.String({ minLength: 1, maxLength: 300 });
const Hint = Type.Optional(Type.String({ maxLength: 500 }));

const base = { id: Id, label: Label, hint: Hint, required: Type.Optional(Type.Boolean()) };

const SingleChoiceField = Type.Object({
  type: Type.Literal("single_choice"),
  ...base,
  /** "satisfaction": each option carries its score out of 10 (JDMA: Très bien 10, Moyen 5, Pas bien 0). */
  indicator: Type.Optional(Type.Literal("satisfaction")),
  options: Type.Array(
    Type.Object({
      value: Id,
      label: Label,
      score: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(5), Type.Literal(10)])),
    }),
    { minItems: 2, maxItems: 20 },
  ),
});

const MultipleChoiceField = Type.Object({
  type: Type.Literal("multiple_choice"),
  ...base,
  indicator: Type.Optional(Type.Literal("help_sought")),
  options: Type.Array(
    Type.Object({
      value: Id,
      label: Label,
      /** Cannot be ticked with another option ("Je n'ai pas eu besoin d'aide"). */
      exclusive: Type.Optional(Type.Boolean()),
      /** A channel of the administration itself: asked "joint ?" and "qualité" in a channels_tried block. */
      administration: Type.Optional(Type.Boolean()),
    }),
    { minItems: 1, maxItems: 20 },
  ),
});

const ScaleField = Type.Object({
  type: Type.Literal("scale"),
  ...base,
  indicator: Type.Optional(Type.Union([Type.Literal("clarity"), Type.Literal("csat")])),
  min: Type.Integer({ minimum: 0, maximum: 10 }),
  max: Type.Integer({ minimum: 1, maximum: 10 }),
  minLabel: Label,
  maxLabel: Label,
});

const NpsField = Type.Object({
  type: Type.Literal("nps"),
  ...base,
  minLabel: Label,
  maxLabel: Label,
});

const TextField = Type.Object({
  type: Type.Literal("text"),
  ...base,
  maxLength: Type.Integer({ minimum: 1, maximum: MAX_TEXT_LENGTH }),
  /** Shown above the box; defaults to PERSONAL_DATA_WARNING. */
  warning: Type.Optional(Type.String({ maxLength: 500 })),
});

/** Hidden until the citizen ticks `consentLabel`; the address is kept only then. */
const ContactEmailField = Type.Object({
  type: Type.Literal("contact_email"),
  ...base,
  consentLabel: Label,
});

/** JDMA: for each administration channel ticked in `source`, "joint ?" (oui/non) and the help's quality. */
const ChannelsTriedField = Type.Object({
  type: Type.Literal("channels_tried"),
  ...base,
  source: Id,
  reachedLabel: Label,
  qualityLabel: Label,
  /** Ordered worst to best; `score` 1–5, or none for "Ne se prononce pas". */
  qualityOptions: Type.Array(
    Type.Object({ value: Id, label: Label, score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })) }),
    { minItems: 2, maxItems: 10 },
  ),
});

export const FieldSchema = Type.Union([
  SingleChoiceField,
  MultipleChoiceField,
  ScaleField,
  NpsField,
  TextField,
  ContactEmailField,
  ChannelsTriedField,
]);

const Section = Type.Object({
  title: Type.Optional(Label),
  description: Hint,
  fields: Type.Array(FieldSchema, { minItems: 1, maxItems: 30 }),
});

export const DefinitionV1Schema = Type.Object({
  v: Type.Literal(1),
  title: Label,
  intro: Type.Optional(Type.String({ maxLength: 1000 })),
  sections: Type.Array(Section, { minItems: 1, maxItems: 10 }),
});

export const QuestionnaireDefinitionSchema: TSchema = Type.Union([DefinitionV1Schema]);

export type QuestionnaireDefinition = Static<typeof DefinitionV1Schema>;
export type QuestionnaireField = Static<typeof FieldSchema>;
export type SingleChoice = Static<typeof SingleChoiceField>;
export type MultipleChoice = Static<typeof MultipleChoiceField>;
export type ScaleQuestion = Static<typeof ScaleField>;
export type ChannelsTried = Static<typeof ChannelsTriedField>;

export function fieldsOf(definition: QuestionnaireDefinition): QuestionnaireField[] {
  return definition.sections.flatMap((section) => section.fields);
}

/** The administration channels a channels_tried block asks about (ticked options of its source). */
export function administrationChannels(
  definition: QuestionnaireDefinition,
  block: ChannelsTried,
): MultipleChoice["options"] {
  const source = fieldsOf(definition).find((field) => field.id === block.source);
  return source?.type === "multiple_choice" ? source.options.filter((option) => option.administration) : [];
}

/** What the schema cannot say: unique ids, a valid source, min < max. Returns French problems. */
export function definitionProblems(definition: QuestionnaireDefinition): string[] {
  const problems: string[] = [];
  const fields = fieldsOf(definition);
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.id)) problems.push(`La question « ${field.id} » apparaît deux fois.`);
    seen.add(field.id);
    if ("options" in field) {
      const values = field.options.map((option) => option.value);
      if (new Set(values).size !== values.length)
        problems.push(`La question « ${field.id} » propose deux fois la même réponse.`);
    }
    if (field.type === "scale" && field.min >= field.max)
      problems.push(`L'échelle de « ${field.id} » doit aller d'un nombre à un nombre plus grand.`);
    if (field.type === "single_choice" && field.indicator === "satisfaction")
      if (field.options.some((option) => option.score === undefined))
        problems.push(`Chaque réponse de « ${field.id} » doit porter une note sur 10.`);
    if (field.type === "channels_tried") {
      const index = fields.indexOf(field);
      const source = fields.findIndex((other) => other.id === field.source);
      if (source < 0 || source > index || fields[source]?.type !== "multiple_choice")
        problems.push(
          `Le bloc « ${field.id} » doit suivre une question à choix multiples « ${field.source} ».`,
        );
    }
  }
  return problems;
}

/**
 * Reads a stored definition. A row that does not match (hand-edited, or written by a newer version)
 * is an error for the logs, not for the citizen: callers show a generic message.
 */
export function parseDefinition(stored: unknown): QuestionnaireDefinition {
  if (!Value.Check(DefinitionV1Schema, stored)) {
    const first = [...Value.Errors(DefinitionV1Schema, stored)][0];
    throw new Error(`questionnaire definition invalid at ${first?.path ?? "/"}: ${first?.message ?? "?"}`);
  }
  const problems = definitionProblems(stored);
  if (problems.length > 0) throw new Error(`questionnaire definition invalid: ${problems.join(" ")}`);
  return stored;
}
