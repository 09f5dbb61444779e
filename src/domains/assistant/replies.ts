/**
 * Everything the assistant says that is not taken from the knowledge base, in one place so the tone
 * stays the same and a town can review it. Choices are also written as numbered text in `text`, so a
 * voice or SMS channel can read them ("dites 1 ou tapez 1" is the voice channel's own wording).
 */
import type { AssistantReply, ReplyChoice } from "./assistant.types.ts";

export type ReplyDraft = Omit<AssistantReply, "messageId">;

export const HANDOFF_CHOICE: ReplyChoice = { label: "Parler à un agent", value: "Parler à un agent" };

function draft(kind: ReplyDraft["kind"], text: string, extra: Partial<ReplyDraft> = {}): ReplyDraft {
  return { kind, text, sources: [], choices: [], handoff: false, askHelpful: false, ...extra };
}

export function numbered(intro: string, labels: string[]): string {
  return `${intro}\n${labels.map((label, i) => `${i + 1}. ${label}`).join("\n")}`;
}

export const replies = {
  greeting: () =>
    draft(
      "greeting",
      "Bonjour ! Je suis l'assistant automatique de la mairie. Posez votre question sur une démarche en quelques mots, par exemple : « Comment refaire ma carte d'identité ? ». Vous pouvez aussi demander à parler à un agent à tout moment.",
      { choices: [HANDOFF_CHOICE] },
    ),
  thanks: () => draft("thanks", "Avec plaisir ! Avez-vous une autre question ?"),
  goodbye: () => draft("goodbye", "Au revoir, et bonne journée !"),
  empty: () =>
    draft(
      "refusal",
      "Votre message est vide. Écrivez votre question en quelques mots, par exemple : « Comment inscrire mon enfant à l'école ? ».",
    ),
  tooLong: (max: number) =>
    draft(
      "refusal",
      `Votre message est trop long pour moi (plus de ${max.toLocaleString("fr-FR")} caractères). Résumez votre question en une ou deux phrases. Pour une demande détaillée, un agent peut prendre le relais, ou utilisez le formulaire de contact.`,
      { choices: [HANDOFF_CHOICE] },
    ),
  abusive: () =>
    draft(
      "refusal",
      "Je suis là pour vous aider dans vos démarches et je ne peux pas répondre à ce message. Posez votre question, ou demandez à parler à un agent ; vous pouvez aussi écrire à la mairie par le formulaire de contact.",
      { choices: [HANDOFF_CHOICE] },
    ),
  unanswered: () =>
    draft(
      "unanswered",
      "Je n'ai pas trouvé de réponse sûre à votre question. Je réponds sur les démarches administratives et les services de la mairie. Vous pouvez reformuler avec d'autres mots, ou demander à parler à un agent.",
      { choices: [HANDOFF_CHOICE] },
    ),
  clarify: (labels: string[], reason: "vague" | "unsure" = "vague") =>
    draft(
      "clarify",
      numbered(
        reason === "vague"
          ? "Votre question peut concerner plusieurs sujets. Vous cherchez plutôt :"
          : "Je ne suis pas sûr d'avoir trouvé la bonne réponse. Vous cherchez peut-être :",
        labels,
      ),
      {
        choices: labels.map((label, i) => ({ label, value: String(i + 1) })),
      },
    ),
  helpfulYes: () => draft("feedback", "Merci pour votre retour ! Avez-vous une autre question ?"),
  helpfulNo: () =>
    draft(
      "feedback",
      "Désolé que cette réponse ne vous ait pas aidé. Vous pouvez reformuler votre question avec d'autres mots, ou parler à un agent.",
      { choices: [HANDOFF_CHOICE] },
    ),
  askContact: () =>
    draft(
      "handoff_contact",
      "Je peux transmettre votre demande à un agent de la mairie. Pour qu'il puisse vous répondre, indiquez votre adresse e-mail ou votre numéro de téléphone. Écrivez « annuler » pour continuer avec moi.",
    ),
  askContactAgain: () =>
    draft(
      "handoff_contact",
      "Je n'ai pas reconnu d'adresse e-mail ni de numéro de téléphone. Écrivez par exemple « prenom.nom@exemple.fr » ou « 06 12 34 56 78 », ou « annuler ».",
    ),
  handoffCancelled: () =>
    draft("feedback", "D'accord, je reste à votre disposition. Quelle est votre question ?"),
  handedOff: (reference: string, live: boolean, byEmail: boolean) =>
    draft(
      "handoff",
      live
        ? `C'est transmis : votre demande porte la référence ${reference}. Un agent est disponible et peut vous répondre ici dans quelques instants.${byEmail ? " Sa réponse vous sera aussi envoyée par e-mail." : ""}`
        : `C'est transmis : votre demande porte la référence ${reference}. Aucun agent n'est disponible en ce moment ; un agent vous répondra ${byEmail ? "par e-mail" : "par téléphone"} dès que possible, aux heures d'ouverture. Vous pouvez suivre votre demande avec cette référence.`,
      { handoff: true },
    ),
  forwardedToAgent: (reference: string) =>
    draft(
      "handoff",
      `Votre message a été ajouté à votre demande ${reference}. Un agent vous répondra ici ou par e-mail.`,
      {
        handoff: true,
      },
    ),
  caseClosed: (reference: string) =>
    draft(
      "handoff",
      `Votre demande ${reference} est close. Posez une nouvelle question, ou demandez à parler à un agent pour ouvrir une nouvelle demande.`,
      { choices: [HANDOFF_CHOICE] },
    ),
  askReference: () =>
    draft(
      "case_status",
      "Pour vous donner l'état de votre demande, indiquez sa référence (elle ressemble à « GU-2026-000123 » et figure dans l'accusé de réception).",
    ),
  askStatusEmail: (reference: string) =>
    draft(
      "case_status",
      `Pour protéger vos informations, indiquez l'adresse e-mail donnée avec la demande ${reference}.`,
    ),
  statusFound: (
    view: { reference: string; subject: string; statusLabel: string; updatedAt: string },
    lookupUrl: string,
  ) =>
    draft(
      "case_status",
      `Votre demande ${view.reference} (« ${view.subject} ») est : ${view.statusLabel}. Dernière mise à jour le ${view.updatedAt}. Vous pouvez la suivre et y répondre sur la page de suivi.`,
      { case: { reference: view.reference, trackingUrl: lookupUrl, status: view.statusLabel } },
    ),
  statusNotFound: (lookupUrl: string) =>
    draft(
      "case_status",
      "Je ne trouve pas de demande avec cette référence et cette adresse e-mail. Vérifiez-les, ou consultez la page de suivi.",
      { case: undefined, sources: [{ id: "suivi", title: "Suivre ma demande", url: lookupUrl, date: null }] },
    ),
  statusTooManyAttempts: () =>
    draft(
      "case_status",
      "Je ne peux pas vérifier d'autres demandes dans cette conversation. Utilisez la page de suivi, ou demandez à parler à un agent.",
      { choices: [HANDOFF_CHOICE] },
    ),
};
