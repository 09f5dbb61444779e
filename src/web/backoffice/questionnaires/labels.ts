/** Addresses, field ids and French labels of the questionnaire screens of the back office. */
import type { QuestionnaireStatus } from "../../../domains/feedback/questionnaires/index.ts";
import type { FeedbackKind } from "../../../shared/database.ts";

export const QUESTIONNAIRES_PATH = "/admin/avis/questionnaires";
export const NEW_QUESTIONNAIRE_PATH = `${QUESTIONNAIRES_PATH}/nouveau`;
export const QUESTIONNAIRES_CSS = `${QUESTIONNAIRES_PATH}/editeur.css`;
export const questionnairePath = (id: string): string => `${QUESTIONNAIRES_PATH}/${id}`;
export const questionnaireStatusPath = (id: string): string => `${questionnairePath(id)}/statut`;
export const versionPath = (id: string, version: number): string =>
  `${questionnairePath(id)}/versions/${version}`;
/** Where citizens answer it: the JDMA is the feedback page itself. */
export const publicPathOf = (slug: string): string => (slug === "jdma" ? "/avis" : `/avis/${slug}`);

/**
 * Ids of the page's own elements. Question ids (and so the preview's) start with a lowercase letter,
 * so starting with "_" these never collide with them.
 */
export const FIELD_IDS = {
  definition: "_definition",
  slug: "_slug",
  status: "_statut",
} as const;

export const QUESTIONNAIRES_ADMIN_MESSAGE =
  "Les questionnaires sont modifiés par les administrateurs. Demandez à l'un d'eux si un questionnaire doit changer.";

export const KIND_LABELS: Record<FeedbackKind, string> = {
  jdma: "Je donne mon avis (standard de l'État)",
  epic: "EPIC (standard)",
  csat: "Satisfaction, CSAT (standard)",
  nps: "Recommandation, NPS (standard)",
  custom: "Personnalisé",
};

export const STATUS_LABELS: Record<QuestionnaireStatus, string> = {
  draft: "Brouillon",
  published: "Publié",
  archived: "Archivé",
};

const dateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "short",
  timeStyle: "short",
});
export const formatDateTime = (date: Date): string => dateTime.format(date);
export const formatCount = (n: number): string => n.toLocaleString("fr-FR");
