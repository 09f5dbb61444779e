/**
 * How a questionnaire travels in an HTML form (names and ids), both ways: the page writes these names,
 * the route reads them back into the use case's answers. Hidden fields start with "_", which no question
 * id can (see questionnaire-definition.ts), so a question never collides with them.
 */
import {
  type AnswerInput,
  administrationChannels,
  fieldsOf,
  type QuestionnaireDefinition,
} from "../../../domains/feedback/index.ts";

export const HIDDEN = {
  formKey: "_cle",
  channel: "_canal",
  topic: "_demarche",
  invitation: "_invitation",
  kiosk: "_borne",
  version: "_version",
} as const;

export const consentName = (id: string) => `${id}_souhait`;
export const emailName = (id: string) => `${id}_email`;
export const reachedName = (id: string, channel: string) => `${id}.${channel}.joint`;
export const qualityName = (id: string, channel: string) => `${id}.${channel}.qualite`;
export const optionId = (id: string, value: string | number) => `${id}-${value}`;

/** The element an error about `field` ("clarte", "aide_administration.chat") links to. */
export function anchorOf(definition: QuestionnaireDefinition, field: string): string {
  const [id, channel] = field.split(".");
  const question = fieldsOf(definition).find((candidate) => candidate.id === id);
  if (!question) return "erreurs";
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return optionId(question.id, question.options[0]!.value);
    case "scale":
      return optionId(question.id, question.min);
    case "nps":
      return optionId(question.id, 0);
    case "channels_tried":
      return optionId(`${question.id}-${channel ?? ""}-joint`, "oui");
    case "text":
    case "contact_email":
      return question.id;
  }
}

export function answersFromForm(
  definition: QuestionnaireDefinition,
  body: Record<string, unknown>,
): AnswerInput {
  const answers: AnswerInput = {};
  for (const field of fieldsOf(definition)) {
    if (field.type === "contact_email") {
      answers[field.id] = { wanted: body[consentName(field.id)], email: body[emailName(field.id)] };
    } else if (field.type === "channels_tried") {
      answers[field.id] = Object.fromEntries(
        administrationChannels(definition, field).map((channel) => [
          channel.value,
          {
            reached: body[reachedName(field.id, channel.value)],
            quality: body[qualityName(field.id, channel.value)],
          },
        ]),
      );
    } else if (body[field.id] !== undefined) {
      answers[field.id] = body[field.id];
    }
  }
  return answers;
}

/** What one hidden field or query parameter says, as one string ("" when absent or repeated oddly). */
export function single(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}
