/**
 * The case workflow as data: which event leads from which status to which status.
 *   nouveau → en_cours → en_attente_usager → resolu → clos
 * - an agent moves a case along (and may go back: en_attente_usager/resolu → en_cours);
 * - an agent's public reply takes a new case (nouveau → en_cours), leaves other statuses alone;
 * - a citizen's reply reopens: en_attente_usager and resolu → en_cours;
 * - clos is final: nothing leaves it, no one replies to it (a citizen writes a new request);
 * - merge: the duplicate is closed (from any status, even clos, unless already merged), the target
 *   keeps its status but must not be clos.
 * `nextCaseStatus` is pure: the use cases call it and turn a refusal into an AppError.
 */
import type { CaseStatus } from "./case.ts";

export type CaseStatusEvent =
  | { type: "agent_set_status"; to: CaseStatus }
  | { type: "agent_reply" }
  | { type: "agent_note" }
  | { type: "citizen_reply" }
  | { type: "system_auto_close" }
  | { type: "merge_duplicate"; alreadyMerged: boolean }
  | { type: "merge_target" };

export type CaseStatusRefusal = "final" | "not_allowed" | "unchanged" | "already_merged";

export type CaseStatusDecision =
  | { ok: true; status: CaseStatus; changed: boolean }
  | { ok: false; refusal: CaseStatusRefusal };

/** What an agent may set by hand, from each status. */
export const AGENT_STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  nouveau: ["en_cours", "en_attente_usager", "resolu", "clos"],
  en_cours: ["en_attente_usager", "resolu", "clos"],
  en_attente_usager: ["en_cours", "resolu", "clos"],
  resolu: ["en_cours", "clos"],
  clos: [],
};

type Move = CaseStatus | "same" | null;

/** For the other events: the next status from each status ("same": allowed, no change; null: refused). */
export const EVENT_TRANSITIONS: Record<
  Exclude<CaseStatusEvent["type"], "agent_set_status">,
  Record<CaseStatus, Move>
> = {
  agent_reply: {
    nouveau: "en_cours",
    en_cours: "same",
    en_attente_usager: "same",
    resolu: "same",
    clos: null,
  },
  agent_note: { nouveau: "same", en_cours: "same", en_attente_usager: "same", resolu: "same", clos: "same" },
  citizen_reply: {
    nouveau: "same",
    en_cours: "same",
    en_attente_usager: "en_cours",
    resolu: "en_cours",
    clos: null,
  },
  system_auto_close: { nouveau: null, en_cours: null, en_attente_usager: null, resolu: "clos", clos: null },
  merge_duplicate: {
    nouveau: "clos",
    en_cours: "clos",
    en_attente_usager: "clos",
    resolu: "clos",
    clos: "clos",
  },
  merge_target: { nouveau: "same", en_cours: "same", en_attente_usager: "same", resolu: "same", clos: null },
};

export function nextCaseStatus(current: CaseStatus, event: CaseStatusEvent): CaseStatusDecision {
  if (event.type === "agent_set_status") {
    if (event.to === current) return { ok: false, refusal: current === "clos" ? "final" : "unchanged" };
    if (AGENT_STATUS_TRANSITIONS[current].includes(event.to))
      return { ok: true, status: event.to, changed: true };
    return { ok: false, refusal: current === "clos" ? "final" : "not_allowed" };
  }
  if (event.type === "merge_duplicate" && event.alreadyMerged)
    return { ok: false, refusal: "already_merged" };
  const move = EVENT_TRANSITIONS[event.type][current];
  if (move === null) return { ok: false, refusal: current === "clos" ? "final" : "not_allowed" };
  if (move === "same") return { ok: true, status: current, changed: false };
  return { ok: true, status: move, changed: move !== current };
}

/** The French words an agent or a citizen reads for each status. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  nouveau: "Nouvelle",
  en_cours: "En cours de traitement",
  en_attente_usager: "En attente de votre réponse",
  resolu: "Résolue",
  clos: "Close",
};

export const CASE_STATUS_REFUSAL_MESSAGES: Record<CaseStatusRefusal, string> = {
  final: "Cette demande est close : elle ne peut plus être modifiée. Une nouvelle demande peut être déposée.",
  not_allowed: "Ce changement de statut n'est pas possible depuis le statut actuel de la demande.",
  unchanged: "La demande a déjà ce statut.",
  already_merged: "Cette demande a déjà été fusionnée avec une autre demande.",
};

/** Timestamps that follow a status change (service commitments are measured on them). */
export function statusTimestamps(
  from: CaseStatus,
  to: CaseStatus,
  now: Date,
): { waiting_since?: Date | null; resolved_at?: Date | null; closed_at?: Date | null } {
  if (from === to) return {};
  const changes: { waiting_since?: Date | null; resolved_at?: Date | null; closed_at?: Date | null } = {};
  if (to === "en_attente_usager") changes.waiting_since = now;
  else if (from === "en_attente_usager") changes.waiting_since = null;
  if (to === "resolu") changes.resolved_at = now;
  else if (from === "resolu" && to !== "clos") changes.resolved_at = null;
  if (to === "clos") changes.closed_at = now;
  return changes;
}
