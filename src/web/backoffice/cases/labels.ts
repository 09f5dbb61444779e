import type { CaseChannel, CaseStatus } from "../../../domains/cases/index.ts";

/** The words agents read (the citizen's tracking page words some statuses from the citizen's side). */
export const AGENT_STATUS_LABELS: Record<CaseStatus, string> = {
  nouveau: "Nouvelle",
  en_cours: "En cours",
  en_attente_usager: "En attente de l'usager",
  resolu: "Résolue",
  clos: "Close",
};

export const CHANNEL_LABELS: Record<CaseChannel, string> = {
  web: "Formulaire en ligne",
  email: "Courriel",
  chat: "Assistant en ligne",
  phone: "Téléphone",
  counter: "Accueil sur place",
  api: "Application externe",
};

/** Channels an agent logs on the citizen's behalf. */
export const AGENT_LOGGED_CHANNELS = ["phone", "counter"] as const;
export type AgentLoggedChannel = (typeof AGENT_LOGGED_CHANNELS)[number];

export const INBOX_PATH = "/admin/demandes";
export const NEW_CASE_PATH = "/admin/demandes/nouvelle";
export const TEMPLATES_PATH = "/admin/modeles-de-reponse";
export const EVENTS_PATH = "/admin/evenements";
export const LIVE_SCRIPT_PATH = "/admin/scripts/demandes-en-direct.js";
export const REJECTED_EMAILS_PATH = "/admin/courriels-refuses";

export type CaseAction = "reponse" | "note" | "affectation" | "statut" | "fusion";

export function casePath(reference: string, action?: CaseAction): string {
  const base = `${INBOX_PATH}/${encodeURIComponent(reference)}`;
  return action ? `${base}/${action}` : base;
}

export function attachmentPath(attachmentId: string): string {
  return `/admin/pieces-jointes/${attachmentId}`;
}

const shortDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "short",
});

export function formatShortDateTime(date: Date): string {
  return shortDateTime.format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
