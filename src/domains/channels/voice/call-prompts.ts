/**
 * Everything the phone assistant says that is not the assistant's own reply, in one place so a town
 * can review the tone. Written for the ear: short sentences, keys as words ("étoile", "dièse").
 */
import type { Menu } from "./call-state.ts";
import { choiceLine, numberEnding, speakReference } from "./speak-text.ts";

export type PromptFacts = { organisationName: string; speech: boolean };

export const prompts = {
  greeting: (facts: PromptFacts) =>
    `Bonjour, vous êtes en relation avec l'assistant automatique de ${facts.organisationName}. Je suis un robot : je peux vous renseigner sur les démarches, ou vous passer un agent.`,
  menu: (menu: Menu, facts: PromptFacts): string[] => {
    const lines: string[] = [];
    if (menu.intro) lines.push(menu.intro);
    else if (menu.kind === "top" && facts.speech)
      lines.push(
        menu.items.length > 0
          ? "Dites en quelques mots ce que vous cherchez, ou choisissez un sujet."
          : "Dites en quelques mots ce que vous cherchez.",
      );
    else if (menu.kind === "top" && menu.items.length > 0) lines.push("Choisissez un sujet.");
    else if (menu.kind === "folder") lines.push("Choisissez la démarche.");
    menu.items.forEach((item, i) => {
      lines.push(choiceLine(item.label, String(i + 1), facts.speech));
    });
    lines.push("Pour parler à un agent, tapez 0.");
    if (menu.kind !== "top") lines.push("Pour revenir en arrière, tapez dièse.");
    lines.push("Pour réécouter, tapez étoile.");
    return [lines.join(" ")];
  },
  /** With `smsKey`, the link of the page just read can be sent by SMS (and "terminer" moves to 3). */
  more: (facts: PromptFacts, smsKey: string | null = null) =>
    [
      "Voulez-vous autre chose ?",
      facts.speech ? "Posez une autre question, ou :" : "",
      "pour revenir au menu, tapez 1 ;",
      smsKey ? `pour recevoir par SMS le lien de cette page, tapez ${smsKey} ;` : "",
      `pour terminer, tapez ${smsKey ? "3" : "2"} ;`,
      "pour parler à un agent, tapez 0 ;",
      "pour réécouter la réponse, tapez étoile.",
    ]
      .filter(Boolean)
      .join(" "),
  transfer: () => "Je vous passe un agent de la mairie. Merci de patienter.",
  smsSent: () => "C'est envoyé : vous allez recevoir le lien par SMS.",
  smsFailed: () => "Je n'ai pas pu envoyer le SMS. Le détail est sur le site internet de la mairie.",
  /** Read after the greeting when recordings are on: what is recorded, and that the caller decides. */
  recordingNotice: () =>
    "Si vous êtes mis en relation avec un agent, la conversation pourra être enregistrée pour la qualité du service. Je vous demanderai d'abord votre accord : vous pourrez refuser.",
  recordingConsent: () =>
    "Avant de vous passer un agent : acceptez-vous que votre conversation avec l'agent soit enregistrée ? Pour accepter, tapez 1. Pour refuser, tapez 2. Sans réponse, elle ne sera pas enregistrée.",
  recordingAccepted: () => "Merci. La conversation avec l'agent sera enregistrée.",
  recordingRefused: () => "C'est noté : la conversation ne sera pas enregistrée.",
  closed: () => "La mairie est fermée en ce moment.",
  noAgent: () => "Aucun agent ne peut vous répondre en ce moment.",
  transferFailed: () => "Aucun agent n'a pu prendre votre appel.",
  callbackOffer: (callerNumber: string | null) =>
    callerNumber
      ? `Un agent peut vous rappeler, aux heures d'ouverture. Pour être rappelé au numéro qui se termine par ${numberEnding(callerNumber)}, tapez 1. Pour donner un autre numéro, tapez 2. Pour revenir au menu, tapez dièse.`
      : "Un agent peut vous rappeler, aux heures d'ouverture.",
  askNumber: () =>
    "Tapez le numéro de téléphone où vous rappeler, puis la touche dièse. Pour revenir au menu, tapez étoile puis dièse.",
  badNumber: () => "Ce numéro n'est pas valide.",
  callbackOpened: (reference: string) =>
    `C'est noté : un agent vous rappellera dès que possible, aux heures d'ouverture. Votre demande porte la référence ${speakReference(reference)}.`,
  callbackFailed: () =>
    "Je n'ai pas pu enregistrer votre demande de rappel. Merci de rappeler la mairie aux heures d'ouverture.",
  survey: (facts: PromptFacts) =>
    `Avant de raccrocher, une seule question : êtes-vous satisfait de cet appel ? ${facts.speech ? "Dites ou tapez" : "Tapez"} une note de 1, pas du tout satisfait, à 5, très satisfait.`,
  surveyThanks: () => "Merci pour votre avis.",
  goodbye: () => "Merci de votre appel. Au revoir.",
  invalid: () => "Ce choix n'existe pas.",
  notHeard: () => "Je ne vous ai pas entendu.",
  silentGoodbye: () => "Je ne vous entends pas. Rappelez-nous quand vous voulez. Au revoir.",
  tooLong: () => "Cet appel a duré trop longtemps pour moi. Rappelez-nous si besoin. Au revoir.",
  sorry: () => "Désolé, une erreur s'est produite. Merci de rappeler dans quelques instants. Au revoir.",
};
