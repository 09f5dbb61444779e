/**
 * Improvement actions as data: envisagée → en cours → réalisée / abandonnée.
 * A realised action may be reopened (en cours) and an abandoned idea reconsidered (envisagée);
 * the dates shown publicly follow the moves (`actionStatusDates`).
 */
import type { ImprovementActionStatus, SuggestionStatus } from "../../../shared/database.ts";

export const ACTION_STATUSES: readonly ImprovementActionStatus[] = [
  "envisagee",
  "en_cours",
  "realisee",
  "abandonnee",
];

export const ACTION_TRANSITIONS: Record<ImprovementActionStatus, readonly ImprovementActionStatus[]> = {
  envisagee: ["en_cours", "realisee", "abandonnee"],
  en_cours: ["realisee", "abandonnee"],
  realisee: ["en_cours"],
  abandonnee: ["envisagee"],
};

export type ActionStatusDecision =
  | { ok: true; status: ImprovementActionStatus }
  | { ok: false; refusal: "unchanged" | "not_allowed" };

export function nextActionStatus(
  current: ImprovementActionStatus,
  to: ImprovementActionStatus,
): ActionStatusDecision {
  if (current === to) return { ok: false, refusal: "unchanged" };
  return ACTION_TRANSITIONS[current].includes(to)
    ? { ok: true, status: to }
    : { ok: false, refusal: "not_allowed" };
}

type Dates = { started_at?: Date | null; realised_at?: Date | null; abandoned_at?: Date | null };

/** Dates that follow a move: started when work begins (kept once set), realised / abandoned when it ends. */
export function actionStatusDates(
  from: ImprovementActionStatus,
  to: ImprovementActionStatus,
  now: Date,
  startedAt: Date | null,
): Dates {
  const dates: Dates = {};
  if ((to === "en_cours" || to === "realisee") && startedAt === null) dates.started_at = now;
  if (to === "realisee") dates.realised_at = now;
  else if (from === "realisee") dates.realised_at = null;
  if (to === "abandonnee") dates.abandoned_at = now;
  else if (from === "abandonnee") dates.abandoned_at = null;
  return dates;
}

export const ACTION_STATUS_LABELS: Record<ImprovementActionStatus, string> = {
  envisagee: "Envisagée",
  en_cours: "En cours",
  realisee: "Réalisée",
  abandonnee: "Abandonnée",
};

export const ACTION_REFUSAL_MESSAGES = {
  unchanged: "L'action a déjà ce statut.",
  not_allowed: "Ce changement de statut n'est pas possible depuis le statut actuel de l'action.",
} as const;

/** Suggestions: an agent files one (classée) or it is taken up by an action (retenue). */
export const SUGGESTION_TRANSITIONS: Record<
  "file" | "reopen" | "take_up",
  Record<SuggestionStatus, SuggestionStatus | null>
> = {
  file: { nouvelle: "classee", retenue: null, classee: null },
  reopen: { nouvelle: null, retenue: null, classee: "nouvelle" },
  take_up: { nouvelle: "retenue", retenue: "retenue", classee: "retenue" },
};

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  nouvelle: "Nouvelle",
  retenue: "Retenue dans une action",
  classee: "Classée",
};
