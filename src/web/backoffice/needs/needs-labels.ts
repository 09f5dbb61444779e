/** The words and numbers of the needs dashboard and the conversations list, in French. */
import type { ChannelKey } from "../../../domains/commitments/needs/index.ts";
import { formatNumber } from "../../charts/index.ts";
import { CHANNEL_LABELS } from "../cases/labels.ts";

export const NEEDS_PATH = "/admin/besoins";
export const NEEDS_STYLES_PATH = "/admin/besoins/besoins.css";
export const CONVERSATIONS_PATH = "/admin/conversations";

export function transcriptPath(handle: string): string {
  return `${CONVERSATIONS_PATH}/${handle}`;
}

export const CONVERSATION_CHANNEL_LABELS: Record<string, string> = {
  web: "page Assistant du site",
  widget: "fenêtre de discussion",
  voice: "assistant vocal",
  phone: "ligne téléphonique",
};

export const OUTCOME_LABELS: Record<string, string> = {
  none: "Aucune réponse de l'assistant",
  answered: "Réponse donnée",
  clarified: "Précision demandée",
  handed_off: "Transmise à un agent",
  unanswered: "Sans réponse",
};

export const VOTE_LABELS: Record<string, string> = {
  yes: "Utile",
  no: "Pas utile",
  none: "Pas de vote",
};

/** "Courriel" for cases; "Assistant : fenêtre de discussion" for conversations. */
export function channelLabel(channel: ChannelKey): string {
  const [source, name = ""] = channel.split(":") as [string, string];
  if (source === "case") return CHANNEL_LABELS[name as keyof typeof CHANNEL_LABELS] ?? name;
  return `Assistant : ${CONVERSATION_CHANNEL_LABELS[name] ?? name}`;
}

/** "Fenêtre de discussion": the assistant's channel on its own (lists, transcript). */
export function conversationChannelLabel(channel: string): string {
  const label = CONVERSATION_CHANNEL_LABELS[channel] ?? channel;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A page's title; "Sans page précise" for none; the id when the page is gone. */
export function topicLabel(topic: string, title: string | null): string {
  if (topic === "") return "Sans page précise";
  if (title) return title;
  return topic.startsWith("local:") ? "Page de la commune supprimée" : `Fiche ${topic} (introuvable)`;
}

export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${formatNumber(value * 100)}\u00a0%`;
}

/** "45 min", "5,5 h", "3,2 j" (calendar time). */
export function formatDuration(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)}\u00a0min`;
  if (hours < 48) return `${formatNumber(hours)}\u00a0h`;
  return `${formatNumber(hours / 24)}\u00a0j`;
}

const longDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const shortDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

export function frenchDay(day: string): string {
  return longDay.format(new Date(`${day}T00:00:00Z`));
}

export function frenchDateTime(date: Date): string {
  return dateTime.format(date);
}

/** A channel-mix bucket: "sem. du 2 mars" or "mars 2026". */
export function bucketLabel(start: string, bucket: "week" | "month"): string {
  const date = new Date(`${start}T00:00:00Z`);
  return bucket === "week" ? `sem. du ${shortDay.format(date)}` : monthYear.format(date);
}

export const WEEKDAY_LABELS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"];
