/**
 * A questionnaire's life: a custom one starts as a draft (seen only in the back office), is published
 * (open at /avis/<slug>), archived (closed: the page says so) and may be reopened. An explicit table.
 */
export type QuestionnaireStatus = "draft" | "published" | "archived";
export type QuestionnaireStatusAction = "publish" | "archive";

export const QUESTIONNAIRE_TRANSITIONS: Record<
  QuestionnaireStatus,
  Partial<Record<QuestionnaireStatusAction, QuestionnaireStatus>>
> = {
  draft: { publish: "published", archive: "archived" },
  published: { archive: "archived" },
  archived: { publish: "published" },
};

const ALREADY: Record<QuestionnaireStatus, string> = {
  draft: "Ce questionnaire est en brouillon.",
  published: "Ce questionnaire est déjà publié.",
  archived: "Ce questionnaire est déjà archivé.",
};

/** Questionnaires other features answer with: archiving them would break those features. */
const ALWAYS_OPEN: Record<string, string> = {
  jdma: "Le questionnaire « Je donne mon avis » ne peut pas être archivé : il est proposé sur /avis, à la borne et dans les courriels envoyés après une demande.",
  csat: "Le questionnaire de satisfaction ne peut pas être archivé : l'assistant en ligne l'utilise pour noter chaque échange.",
};

/** The status after `action`, or the French reason it is refused. */
export function nextQuestionnaireStatus(input: {
  slug: string;
  from: QuestionnaireStatus;
  action: QuestionnaireStatusAction;
}): { ok: true; to: QuestionnaireStatus } | { ok: false; message: string } {
  const to = QUESTIONNAIRE_TRANSITIONS[input.from][input.action];
  if (!to) return { ok: false, message: ALREADY[input.from] };
  const reason = ALWAYS_OPEN[input.slug];
  if (to === "archived" && reason) return { ok: false, message: reason };
  return { ok: true, to };
}
