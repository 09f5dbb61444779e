/**
 * The JDMA indicators of one answer, computed once at submission and stored in its columns, so the
 * analysis sums numbers instead of re-reading questionnaires. Which question feeds which indicator is
 * said by the definition (`indicator` on a field), so a custom questionnaire can feed them too.
 */
import {
  administrationChannels,
  fieldsOf,
  type QuestionnaireDefinition,
} from "./questionnaire-definition.ts";
import type { ChannelAnswer, StoredAnswer } from "./validate-answers.ts";

export type AnswerIndicators = {
  /** Très bien 10, Moyen 5, Pas bien 0. */
  satisfaction: number | null;
  clarity: number | null;
  helpSought: string[] | null;
  /** Ticked "Je n'ai pas eu besoin d'aide"; null when the help question was not answered. */
  autonomous: boolean | null;
  /** Administration channels tried, and how many of them were reached. */
  helpTried: number | null;
  helpReached: number | null;
  /** Mean quality (1–5) of the help of the channels reached, "Ne se prononce pas" left out. */
  helpQuality: number | null;
  csat: number | null;
  nps: number | null;
};

export function answerIndicators(
  definition: QuestionnaireDefinition,
  answers: Record<string, StoredAnswer>,
): AnswerIndicators {
  const result: AnswerIndicators = {
    satisfaction: null,
    clarity: null,
    helpSought: null,
    autonomous: null,
    helpTried: null,
    helpReached: null,
    helpQuality: null,
    csat: null,
    nps: null,
  };
  for (const field of fieldsOf(definition)) {
    const answer = answers[field.id];
    if (answer === undefined) continue;
    if (field.type === "single_choice" && field.indicator === "satisfaction") {
      result.satisfaction = field.options.find((option) => option.value === answer)?.score ?? null;
    } else if (field.type === "scale" && field.indicator === "clarity" && typeof answer === "number") {
      result.clarity = answer;
    } else if (field.type === "scale" && field.indicator === "csat" && typeof answer === "number") {
      result.csat = answer;
    } else if (field.type === "nps" && typeof answer === "number") {
      result.nps = answer;
    } else if (
      field.type === "multiple_choice" &&
      field.indicator === "help_sought" &&
      Array.isArray(answer)
    ) {
      result.helpSought = answer;
      result.autonomous = field.options.some((option) => option.exclusive && answer.includes(option.value));
      result.helpTried = field.options.filter(
        (option) => option.administration && answer.includes(option.value),
      ).length;
      result.helpReached = 0;
    } else if (field.type === "channels_tried" && typeof answer === "object" && !Array.isArray(answer)) {
      const reached = administrationChannels(definition, field)
        .map((channel) => (answer as Record<string, ChannelAnswer>)[channel.value])
        .filter((channel): channel is ChannelAnswer => channel?.reached === "oui");
      result.helpReached = reached.length;
      const scores = reached.flatMap(
        (channel) => field.qualityOptions.find((option) => option.value === channel.quality)?.score ?? [],
      );
      result.helpQuality = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    }
  }
  return result;
}

/** The free texts of an answer, in question order, as one verbatim for the analysis. */
export function verbatimOf(
  definition: QuestionnaireDefinition,
  answers: Record<string, StoredAnswer>,
): string | null {
  const texts = fieldsOf(definition).flatMap((field) => {
    const answer = answers[field.id];
    return field.type === "text" && typeof answer === "string" ? [answer] : [];
  });
  return texts.length > 0 ? texts.join("\n\n") : null;
}
