/**
 * The published indicators of a period, from its activity figures, the commitments and the feedback
 * indicators. Pure: the same inputs always give the same list. Rates are the ones defined once in
 * statistics/activity-indicators.ts and feedback/analysis/indicators.ts; this file only names them,
 * says in French what they count, converts them to their unit and hides small samples.
 */
import type { Indicators } from "../../feedback/analysis/index.ts";
import type { CaseCommitment, CommitmentChannel, ServiceCommitment } from "../commitment.ts";
import type { ActivityFigures } from "../statistics/activity-figures.ts";
import {
  assistantAnswerRate,
  commitmentsKept,
  handoffRate,
  isShown,
  phoneAnswers,
  type Rate,
  reachability,
  reachabilityByChannel,
} from "../statistics/activity-indicators.ts";
import { type IndicatorUnit, publishedValue, type ResultIndicator } from "./results-snapshot.ts";

export type FeedbackFigures = Pick<
  Indicators,
  "satisfaction" | "netSatisfaction" | "clarity" | "helpReachable" | "helpEfficient" | "autonomy"
>;

export type ResultInputs = {
  figures: ActivityFigures;
  commitments: ServiceCommitment[];
  feedback: FeedbackFigures;
  /** Titles of the procedures the commitments name, by topic key ("F1427", "local:<uuid>"). */
  procedures?: ReadonlyMap<string, string>;
};

/** How the channels read inside a sentence: « les demandes reçues par courriel ». */
const CHANNEL_WORDS: Record<CommitmentChannel, { label: string; by: string }> = {
  web: { label: "formulaire en ligne", by: "par le formulaire en ligne" },
  email: { label: "courriel", by: "par courriel" },
  chat: {
    label: "assistant en ligne (transfert à un agent)",
    by: "par l'assistant en ligne et transmises à un agent",
  },
  phone: { label: "téléphone", by: "par téléphone" },
  counter: { label: "accueil sur place", by: "à l'accueil sur place" },
  api: { label: "applications partenaires", by: "par une application partenaire" },
};

function channelWords(channel: string): { label: string; by: string } {
  return CHANNEL_WORDS[channel as CommitmentChannel] ?? { label: channel, by: `par le canal « ${channel} »` };
}

const SATISFACTION_QUESTION = "« De façon générale, comment ça s'est passé ? »";
const ANSWERS_OF_PERIOD = "sur les avis déposés pendant la période";

function indicator(
  base: { id: string; label: string; definition: string; unit: IndicatorUnit; target?: number },
  measure: { value: number | null; n: number },
): ResultIndicator {
  const shown = isShown(measure);
  return { ...base, value: publishedValue(measure.value, base.unit, shown), n: measure.n, shown };
}

/** A rate of activity-indicators.ts (0 to 1) as a percent indicator. */
function percent(base: { id: string; label: string; definition: string; target?: number }, rate: Rate) {
  return indicator(
    { ...base, unit: "percent" },
    { value: rate.value === null ? null : rate.value * 100, n: rate.n },
  );
}

function delayWords(commitment: CaseCommitment): string {
  const { unit, amount } = commitment.delay;
  if (unit === "business_days") return amount === 1 ? "1 jour ouvré" : `${amount} jours ouvrés`;
  return amount === 1 ? "1 heure ouvrée" : `${amount} heures ouvrées`;
}

/**
 * The calls commitment: what "asked for an agent" and "answered" mean on the call rows is decided in
 * statistics/calls-commitment-rollup.ts; this says the same in French.
 */
export const CALLS_COMMITMENT_DEFINITION =
  "Part des demandes à parler à un agent faites au téléphone pendant la période qui ont été décrochées " +
  "par un agent. Une demande compte quand l'assistant vocal a transmis l'appel à un agent, pendant les " +
  "heures d'ouverture ; elle n'est pas décrochée si personne n'a répondu (un rappel est alors proposé) ou " +
  "si l'usager a raccroché avant. Les demandes faites en dehors des heures d'ouverture, où seul un rappel " +
  "est proposé, ne sont pas comptées.";

function procedureWords(topic: string, procedures: ReadonlyMap<string, string> | undefined): string {
  // Cut so that a long title keeps the definition within the snapshot's 1,000 characters.
  const title = procedures?.get(topic)?.slice(0, 200);
  if (title) return ` pour la démarche « ${title} »`;
  return topic.startsWith("local:")
    ? " pour une démarche de la commune"
    : ` pour la démarche de la fiche ${topic}`;
}

export function commitmentDefinition(
  commitment: ServiceCommitment,
  procedures?: ReadonlyMap<string, string>,
): string {
  if (commitment.measure === "agent_answer") return CALLS_COMMITMENT_DEFINITION;
  const topic = commitment.topic === null ? "" : procedureWords(commitment.topic, procedures);
  const received = commitment.channel
    ? `des demandes reçues${topic} ${channelWords(commitment.channel).by}`
    : `des demandes reçues${topic}, tous canaux confondus,`;
  const event =
    commitment.measure === "first_reply"
      ? "ont reçu une première réponse d'un agent (ou ont été résolues)"
      : "ont été résolues";
  return (
    `Part ${received} pendant la période qui ${event} dans le délai annoncé de ${delayWords(commitment)}, ` +
    "le temps d'attente d'une réponse de l'usager n'étant pas compté, parmi celles dont le délai est " +
    "écoulé ou qui ont déjà été traitées à la date du calcul."
  );
}

function commitmentIndicators(input: ResultInputs): ResultIndicator[] {
  const kept = new Map(commitmentsKept(input.figures).map((rate) => [rate.commitmentId, rate]));
  return input.commitments
    .filter((commitment) => commitment.active || (kept.get(commitment.id)?.n ?? 0) > 0)
    .map((commitment) =>
      percent(
        {
          id: `engagement.${commitment.id}`,
          label: commitment.label,
          definition: commitmentDefinition(commitment, input.procedures),
          target: publishedValue(commitment.targetShare * 100, "percent", true) ?? 0,
        },
        kept.get(commitment.id) ?? { value: null, n: 0, count: 0 },
      ),
    );
}

function feedbackIndicators(feedback: FeedbackFigures): ResultIndicator[] {
  return [
    indicator(
      {
        id: "satisfaction.globale",
        label: "Satisfaction globale",
        definition: `Moyenne des réponses à la question ${SATISFACTION_QUESTION} (Très bien = 10, Moyen = 5, Pas bien = 0), ${ANSWERS_OF_PERIOD}.`,
        unit: "score10",
      },
      feedback.satisfaction,
    ),
    indicator(
      {
        id: "satisfaction.nette",
        label: "Satisfaction nette",
        definition: `Part des réponses « Très bien » moins part des réponses « Pas bien » à la question ${SATISFACTION_QUESTION}, en points de pourcentage (de −100 à +100), ${ANSWERS_OF_PERIOD}.`,
        unit: "points",
      },
      feedback.netSatisfaction,
    ),
    indicator(
      {
        id: "jdma.clarte",
        label: "Clarté de l'information",
        definition: `Moyenne des réponses à la question « Qu'avez-vous pensé des informations et des instructions fournies ? », de 1 (pas clair du tout) à 5 (très clair), ${ANSWERS_OF_PERIOD}.`,
        unit: "score5",
      },
      feedback.clarity,
    ),
    indicator(
      {
        id: "jdma.aide_joignable",
        label: "Administration joignable quand l'usager a cherché de l'aide",
        definition: `Parmi les moyens de contact avec l'administration essayés par les usagers (guichet, téléphone, courriel, chat), part de ceux par lesquels ils ont réussi à la joindre, ${ANSWERS_OF_PERIOD} ; l'échantillon compte les moyens essayés, pas les personnes.`,
        unit: "percent",
      },
      feedback.helpReachable,
    ),
    indicator(
      {
        id: "jdma.aide_efficace",
        label: "Qualité de l'aide obtenue",
        definition: `Moyenne de la qualité de l'aide obtenue de l'administration, de 1 (très mauvaise) à 5 (excellente), pour chaque moyen par lequel l'usager l'a jointe, ${ANSWERS_OF_PERIOD}.`,
        unit: "score5",
      },
      feedback.helpEfficient,
    ),
    indicator(
      {
        id: "jdma.autonomie",
        label: "Démarche faite sans avoir besoin d'aide",
        definition: `Part des usagers ayant répondu « Je n'ai pas eu besoin d'aide » à la question sur les aides recherchées, parmi ceux qui y ont répondu, ${ANSWERS_OF_PERIOD}.`,
        unit: "percent",
      },
      feedback.autonomy,
    ),
  ];
}

const ANSWERED = "qui ont reçu une réponse d'un agent ou ont été résolues à la date du calcul";

function reachabilityIndicators(figures: ActivityFigures): ResultIndicator[] {
  return [
    percent(
      {
        id: "joignabilite.globale",
        label: "Demandes ayant reçu une réponse, tous canaux",
        definition: `Part des demandes reçues pendant la période, tous canaux confondus, ${ANSWERED}.`,
      },
      reachability(figures),
    ),
    ...reachabilityByChannel(figures).map((rate) =>
      percent(
        {
          id: `joignabilite.${rate.channel}`,
          label: `Demandes ayant reçu une réponse : ${channelWords(rate.channel).label}`,
          definition: `Part des demandes reçues ${channelWords(rate.channel).by} pendant la période ${ANSWERED}.`,
        },
        rate,
      ),
    ),
  ];
}

function phoneAndAssistantIndicators(figures: ActivityFigures): ResultIndicator[] {
  const phone = phoneAnswers(figures);
  const conversations =
    "des conversations avec l'assistant en ligne commencées pendant la période (au moins un message de l'usager)";
  return [
    percent(
      {
        id: "telephone.assistant",
        label: "Appels traités par l'assistant vocal",
        definition:
          "Part des appels téléphoniques reçus pendant la période auxquels l'assistant vocal a répondu sans transfert à un agent.",
      },
      phone.byAssistant,
    ),
    percent(
      {
        id: "telephone.agent",
        label: "Appels décrochés par un agent",
        definition:
          "Part des appels téléphoniques reçus pendant la période qui ont été transférés à un agent et pris par lui ; compté à part des réponses de l'assistant vocal.",
      },
      phone.byAgent,
    ),
    percent(
      {
        id: "assistant.taux_reponse",
        label: "Questions auxquelles l'assistant a répondu",
        definition: `Part ${conversations} dont le dernier échange est une réponse tirée des fiches pratiques ou des questions fréquentes.`,
      },
      assistantAnswerRate(figures),
    ),
    percent(
      {
        id: "assistant.taux_transfert",
        label: "Conversations transmises à un agent",
        definition: `Part ${conversations} transmises à un agent : une demande a été ouverte au guichet unique.`,
      },
      handoffRate(figures),
    ),
  ];
}

/** Every published indicator, in the order of the page: commitments, satisfaction, reachability, phone, assistant. */
export function resultIndicators(input: ResultInputs): ResultIndicator[] {
  return [
    ...commitmentIndicators(input),
    ...feedbackIndicators(input.feedback),
    ...reachabilityIndicators(input.figures),
    ...phoneAndAssistantIndicators(input.figures),
  ];
}
