/** The SLA clock in the agents' words: "reste 3 h ouvrées", "en retard de 2 jours ouvrés". */
import type { BusinessSpan, SlaView } from "../../../domains/commitments/index.ts";

export function formatSpan(span: BusinessSpan): string {
  if (span.unit === "days") return span.days === 1 ? "1 jour ouvré" : `${span.days} jours ouvrés`;
  const hours = Math.floor(span.minutes / 60);
  if (hours < 1) return "moins d'une heure ouvrée";
  return hours === 1 ? "1 h ouvrée" : `${hours} h ouvrées`;
}

export type SlaLabel = { text: string; late: boolean };

export function slaLabel(view: SlaView): SlaLabel {
  switch (view.state) {
    case "running":
      return { text: `reste ${formatSpan(view.left)}`, late: false };
    case "late":
      return { text: `en retard de ${formatSpan(view.late)}`, late: true };
    case "paused":
      return view.late
        ? { text: `en pause (attente usager), déjà en retard de ${formatSpan(view.late)}`, late: true }
        : { text: "en pause (attente usager)", late: false };
    case "met":
      return { text: "délai tenu", late: false };
    case "missed":
      return { text: "délai dépassé", late: true };
  }
}

export const MEASURE_LABELS = {
  first_reply: "Première réponse",
  resolution: "Résolution de la demande",
  agent_answer: "Appels décrochés par un agent quand l'usager en demande un",
} as const;
