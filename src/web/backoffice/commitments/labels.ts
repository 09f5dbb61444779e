import type {
  CommitmentChannel,
  CommitmentDelayUnit,
  ServiceCommitment,
  Weekday,
} from "../../../domains/commitments/index.ts";

export const COMMITMENTS_PATH = "/admin/engagements";
export const commitmentPath = (id: string): string => `${COMMITMENTS_PATH}/${id}`;
export const HOURS_PATH = `${COMMITMENTS_PATH}/horaires`;
export const CLOSURES_PATH = `${COMMITMENTS_PATH}/fermetures`;
export const CLOSURE_REMOVE_PATH = `${CLOSURES_PATH}/suppression`;

export const COMMITMENTS_ADMIN_MESSAGE =
  "Les engagements de service et les horaires d'ouverture sont gérés par les administrateurs.";

export const CHANNEL_LABELS: Record<CommitmentChannel, string> = {
  web: "Formulaire en ligne",
  email: "Courriel",
  chat: "Assistant en ligne",
  phone: "Téléphone",
  counter: "Accueil physique",
  api: "Application partenaire (API)",
};

export const DELAY_UNIT_LABELS: Record<CommitmentDelayUnit, string> = {
  business_days: "jours ouvrés",
  business_hours: "heures ouvrées",
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  1: "Lundi",
  2: "Mardi",
  3: "Mercredi",
  4: "Jeudi",
  5: "Vendredi",
  6: "Samedi",
  7: "Dimanche",
};

export function delayText(commitment: Pick<ServiceCommitment, "delay">): string {
  if (commitment.delay === null) return "Sans délai (part d'appels décrochés)";
  const { unit, amount } = commitment.delay;
  if (amount === 1) return unit === "business_days" ? "1 jour ouvré" : "1 heure ouvrée";
  return `${amount} ${DELAY_UNIT_LABELS[unit]}`;
}

export function percentText(share: number): string {
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(share * 100)} %`;
}

/** "2026-08-10" → "10/08/2026". */
export function dayText(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** The domain's field names → the form's element ids (errors link to them). */
export const COMMITMENT_FIELD_IDS = {
  label: "engagement-libelle",
  measure: "engagement-mesure",
  channel: "engagement-canal",
  procedure: "engagement-demarche",
  fiche: "engagement-fiche",
  delayAmount: "engagement-delai",
  delayUnit: "engagement-unite",
  targetPercent: "engagement-cible",
} as const;

export const hourFieldId = (day: number, period: number, end: "from" | "to"): string =>
  `horaire-${day}-${period}-${end === "from" ? "ouverture" : "fermeture"}`;
export const REGION_FIELD_ID = "jours-feries-metropole";
export const CLOSURE_FIELD_IDS = {
  from: "fermeture-debut",
  to: "fermeture-fin",
  label: "fermeture-motif",
} as const;

/**
 * The procedure of a commitment in the list: the town's page by its title, a fiche by its title and id,
 * a page withdrawn since by its key.
 */
export function procedureText(
  commitment: Pick<ServiceCommitment, "measure" | "topic">,
  titles: ReadonlyMap<string, string>,
): string {
  if (commitment.measure === "agent_answer") return "Sans objet (tous les appels)";
  if (commitment.topic === null) return "Toutes les démarches";
  const title = titles.get(commitment.topic);
  if (commitment.topic.startsWith("local:")) return title ?? "Démarche de la commune introuvable";
  return title ? `${title} (${commitment.topic})` : `Fiche ${commitment.topic} (introuvable)`;
}
