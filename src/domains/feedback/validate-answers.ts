/**
 * Checks a citizen's answers against the questions of one questionnaire version, all at once, with a
 * precise French message per question. Nothing here stores or scrubs: it only accepts or refuses.
 */
import {
  administrationChannels,
  type ChannelsTried,
  fieldsOf,
  type QuestionnaireDefinition,
  type QuestionnaireField,
} from "./questionnaire-definition.ts";

/** As sent by a form or the API, by question id. */
export type AnswerInput = Record<string, unknown>;

export type ChannelAnswer = { reached: "oui" | "non" | null; quality: string | null };

export type StoredAnswer = string | string[] | number | Record<string, ChannelAnswer>;

export type ValidatedAnswers = {
  /** By question id, only the questions answered; texts are as typed (scrubbed later). */
  answers: Record<string, StoredAnswer>;
  contactEmail: string | null;
};

/** `field` is the question id, or "<block id>.<channel>" inside a channels_tried block. */
export type AnswerError = { field: string; message: string };

const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

const frenchNumber = (n: number) => n.toLocaleString("fr-FR");

function asText(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.replace(/\r\n?/g, "\n").trim() : "";
}

function asList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(list.filter((item): item is string => typeof item === "string" && item !== ""))];
}

function checkChannels(
  definition: QuestionnaireDefinition,
  block: ChannelsTried,
  value: unknown,
  ticked: string[],
  errors: AnswerError[],
): Record<string, ChannelAnswer> | undefined {
  const given = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const result: Record<string, ChannelAnswer> = {};
  // Only the channels ticked count: a block filled and then un-ticked (the page hides it) is dropped.
  for (const channel of administrationChannels(definition, block)) {
    if (!ticked.includes(channel.value)) continue;
    const raw = (given[channel.value] ?? {}) as { reached?: unknown; quality?: unknown };
    const reached = asText(raw.reached);
    const quality = asText(raw.quality);
    const field = `${block.id}.${channel.value}`;
    if (reached !== "" && reached !== "oui" && reached !== "non") {
      errors.push({ field, message: `Pour « ${channel.label} », répondez « Oui » ou « Non ».` });
      continue;
    }
    if (quality !== "" && !block.qualityOptions.some((option) => option.value === quality)) {
      errors.push({
        field,
        message: `Pour « ${channel.label} », choisissez une qualité de l'aide parmi celles proposées.`,
      });
      continue;
    }
    result[channel.value] = {
      reached: reached === "" ? null : (reached as "oui" | "non"),
      quality: quality === "" ? null : quality,
    };
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function checkField(
  definition: QuestionnaireDefinition,
  field: QuestionnaireField,
  input: AnswerInput,
  accepted: Record<string, StoredAnswer>,
  errors: AnswerError[],
): StoredAnswer | undefined {
  const value = input[field.id];
  const refuse = (message: string) => {
    errors.push({ field: field.id, message });
    return undefined;
  };
  switch (field.type) {
    case "single_choice": {
      const choice = asText(value);
      if (choice === "") return undefined;
      if (!field.options.some((option) => option.value === choice))
        return refuse(`La réponse à « ${field.label} » n'est pas une des réponses proposées.`);
      return choice;
    }
    case "multiple_choice": {
      const choices = asList(value);
      if (choices.length === 0) return undefined;
      if (choices.some((choice) => !field.options.some((option) => option.value === choice)))
        return refuse(`Une réponse cochée à « ${field.label} » n'est pas une des réponses proposées.`);
      const exclusive = field.options.find((option) => option.exclusive && choices.includes(option.value));
      if (exclusive && choices.length > 1)
        return refuse(`« ${exclusive.label} » ne peut pas être coché avec une autre réponse.`);
      return choices;
    }
    case "scale":
    case "nps": {
      const min = field.type === "nps" ? 0 : field.min;
      const max = field.type === "nps" ? 10 : field.max;
      const text = typeof value === "number" ? String(value) : asText(value);
      if (text === "") return undefined;
      const number = Number(text);
      if (!/^-?\d+$/.test(text) || number < min || number > max)
        return refuse(`La note de « ${field.label} » doit être un nombre entier de ${min} à ${max}.`);
      return number;
    }
    case "text": {
      const text = asText(value);
      if (text === "") return undefined;
      const length = [...text].length;
      if (length > field.maxLength)
        return refuse(
          `Votre réponse à « ${field.label} » fait ${frenchNumber(length)} caractères : ${frenchNumber(field.maxLength)} au plus. Raccourcissez-la.`,
        );
      return text;
    }
    case "contact_email":
      // Kept apart from the answers (see validateAnswers): an address is not an opinion.
      return undefined;
    case "channels_tried": {
      const source = accepted[field.source];
      return checkChannels(definition, field, value, Array.isArray(source) ? source : [], errors);
    }
  }
}

function contactEmailOf(field: QuestionnaireField, input: AnswerInput, errors: AnswerError[]): string | null {
  const raw = (input[field.id] ?? {}) as { wanted?: unknown; email?: unknown };
  const wanted = raw.wanted === true || asText(raw.wanted) === "oui";
  if (!wanted || field.type !== "contact_email") return null;
  const email = asText(raw.email);
  const untick = `ou décochez « ${field.consentLabel} »`;
  if (email === "") {
    errors.push({
      field: field.id,
      message: `Indiquez votre adresse électronique pour être recontacté, ${untick}.`,
    });
    return null;
  }
  if (email.length > 254 || !EMAIL_PATTERN.test(email)) {
    errors.push({
      field: field.id,
      message: `Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr, ${untick}.`,
    });
    return null;
  }
  return email;
}

export function validateAnswers(
  definition: QuestionnaireDefinition,
  input: AnswerInput,
): { ok: true; value: ValidatedAnswers } | { ok: false; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const answers: Record<string, StoredAnswer> = {};
  let contactEmail: string | null = null;
  for (const field of fieldsOf(definition)) {
    if (field.type === "contact_email") {
      contactEmail = contactEmailOf(field, input, errors);
      continue;
    }
    const before = errors.length;
    const answer = checkField(definition, field, input, answers, errors);
    if (answer !== undefined) answers[field.id] = answer;
    else if (field.required && errors.length === before)
      errors.push({ field: field.id, message: `Répondez à la question « ${field.label} ».` });
  }
  if (Object.keys(answers).length === 0 && errors.length === 0)
    errors.push({
      field: fieldsOf(definition)[0]!.id,
      message: "Répondez à au moins une question avant d'envoyer votre avis.",
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { answers, contactEmail } };
}
