/** French names of what the analysis shows, shared by the back-office pages and the exports. */
import type { FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";
import { canonicalTopic } from "../../knowledge/topics/index.ts";
import type { IndicatorKey } from "./indicators.ts";

export type IndicatorLabel = { label: string; unit: string; decimals: number; lowerIsBetter?: boolean };

export const INDICATOR_LABELS: Record<IndicatorKey, IndicatorLabel> = {
  satisfaction: { label: "Satisfaction globale", unit: "/10", decimals: 1 },
  satisfiedShare: { label: "Part « Très bien »", unit: "%", decimals: 1 },
  dissatisfiedShare: { label: "Part « Pas bien »", unit: "%", decimals: 1, lowerIsBetter: true },
  netSatisfaction: { label: "Satisfaction nette (% Très bien − % Pas bien)", unit: "points", decimals: 1 },
  clarity: { label: "Clarté de l'information", unit: "/5", decimals: 2 },
  helpReachable: { label: "Aide joignable (canaux joints / essayés)", unit: "%", decimals: 1 },
  helpEfficient: { label: "Efficacité de l'aide", unit: "/5", decimals: 2 },
  autonomy: { label: "Autonomie (pas besoin d'aide)", unit: "%", decimals: 1 },
  csat: { label: "Satisfaction CSAT", unit: "/5", decimals: 2 },
  nps: { label: "Recommandation (NPS, −100 à 100)", unit: "", decimals: 0 },
  sentiment: { label: "Tonalité des commentaires (−1 à 1)", unit: "", decimals: 2 },
};

export const CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  web: "Site internet",
  email: "Courriel",
  chat: "Messagerie instantanée",
  phone: "Téléphone",
  counter: "Accueil sur place",
};

export const KIND_LABELS: Record<FeedbackKind, string> = {
  jdma: "Je donne mon avis",
  epic: "EPIC",
  csat: "Satisfaction (CSAT)",
  nps: "Recommandation (NPS)",
  custom: "Questionnaire personnalisé",
};

export const FEEDBACK_CHANNELS = Object.keys(CHANNEL_LABELS) as FeedbackChannel[];
export const FEEDBACK_KINDS = Object.keys(KIND_LABELS) as FeedbackKind[];

export function isFeedbackChannel(value: string): value is FeedbackChannel {
  return (FEEDBACK_CHANNELS as string[]).includes(value);
}

export function isFeedbackKind(value: string): value is FeedbackKind {
  return (FEEDBACK_KINDS as string[]).includes(value);
}

export function channelLabel(channel: string): string {
  return isFeedbackChannel(channel) ? CHANNEL_LABELS[channel] : channel;
}

/** A procedure or topic as people know it: the empty topic is "no topic". */
/** The page's title when known (`titles` by canonical topic key), else the key as given. */
export function answerTopicLabel(topic: string | null, titles?: ReadonlyMap<string, string>): string {
  if (!topic) return "Sans démarche précisée";
  return titles?.get(canonicalTopic(topic)) ?? topic;
}

/** "6,3" — French decimal comma, fixed decimals. */
export function formatDecimal(value: number, decimals: number): string {
  return value
    .toFixed(decimals)
    .replace(".", ",")
    .replace(/^-(0(,0*)?)$/, "$1");
}

/** How a change reads in words, so it never relies on colour or an arrow alone. */
export function describeChange(
  key: IndicatorKey,
  change: number | null,
): { arrow: string; text: string; tone: "better" | "worse" | "same" | "none" } {
  const { decimals, unit, lowerIsBetter } = INDICATOR_LABELS[key];
  if (change === null) return { arrow: "", text: "pas de comparaison", tone: "none" };
  const rounded = Number(change.toFixed(decimals));
  if (rounded === 0) return { arrow: "→", text: "stable", tone: "same" };
  const up = rounded > 0;
  const better = lowerIsBetter ? !up : up;
  const size = Math.abs(rounded);
  // Shares and scores in percent move by percentage points; means by their own unit.
  const points = unit === "%" || unit === "points" ? (size < 2 ? " point" : " points") : "";
  const amount = `${formatDecimal(size, decimals)}${points}`;
  return {
    arrow: up ? "↑" : "↓",
    text: `${up ? "en hausse" : "en baisse"} de ${amount}`,
    tone: better ? "better" : "worse",
  };
}
