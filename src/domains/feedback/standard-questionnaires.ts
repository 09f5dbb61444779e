/**
 * The built-in questionnaires. The JDMA one repeats the state's "Je donne mon avis" questions and scales
 * word for word, so a town's figures compare with the Observatoire's; EPIC, CSAT and NPS reuse its field
 * types. Answers are read against the stored version, so changing these texts only affects new towns.
 */
import type { FeedbackKind } from "../../shared/database.ts";
import type { QuestionnaireDefinition, QuestionnaireField } from "./questionnaire-definition.ts";

export type StandardQuestionnaire = { slug: string; kind: FeedbackKind; definition: QuestionnaireDefinition };

const ANONYMOUS = "Vos réponses sont anonymes.";

const satisfaction: QuestionnaireField = {
  type: "single_choice",
  id: "satisfaction",
  label: "De façon générale, comment ça s'est passé ?",
  required: true,
  indicator: "satisfaction",
  options: [
    { value: "pas_bien", label: "Pas bien", score: 0 },
    { value: "moyen", label: "Moyen", score: 5 },
    { value: "tres_bien", label: "Très bien", score: 10 },
  ],
};

const moreToSay: QuestionnaireField = {
  type: "text",
  id: "commentaire",
  label: "Souhaitez-vous nous en dire plus ?",
  maxLength: 2000,
};

const contact: QuestionnaireField = {
  type: "contact_email",
  id: "contact",
  label: "Votre adresse électronique",
  hint: "Elle sert uniquement à vous répondre au sujet de cet avis.",
  consentLabel: "Je souhaite être recontacté",
};

const comments = { title: "Commentaires", fields: [moreToSay, contact] };

const agreement = { min: 1, max: 5, minLabel: "Pas du tout", maxLabel: "Tout à fait" } as const;

export const JDMA: QuestionnaireDefinition = {
  v: 1,
  title: "Je donne mon avis",
  intro: `Aidez-nous à améliorer nos services en répondant à quelques questions. ${ANONYMOUS}`,
  sections: [
    { title: "Expérience générale", fields: [satisfaction] },
    {
      title: "Clarté",
      fields: [
        {
          type: "scale",
          id: "clarte",
          label: "Qu'avez-vous pensé des informations et des instructions fournies ?",
          hint: "Sur une échelle de 1 à 5, 1 n'est pas clair du tout et 5 est très clair.",
          indicator: "clarity",
          min: 1,
          max: 5,
          minLabel: "Pas clair du tout",
          maxLabel: "Très clair",
        },
      ],
    },
    {
      title: "Aides",
      fields: [
        {
          type: "multiple_choice",
          id: "aide",
          label: "Durant votre parcours, avez-vous tenté d'obtenir de l'aide par l'un des moyens suivants ?",
          hint: "Plusieurs choix possibles.",
          indicator: "help_sought",
          options: [
            { value: "guichet", label: "Au guichet avec l'administration", administration: true },
            { value: "telephone", label: "Par téléphone avec l'administration", administration: true },
            { value: "email", label: "Par e-mail avec l'administration", administration: true },
            { value: "chat", label: "Par chat avec l'administration", administration: true },
            { value: "proche", label: "Une personne proche" },
            { value: "association", label: "Une association" },
            { value: "sites_internet", label: "Des sites internet" },
            { value: "autre", label: "Autre" },
            { value: "aucune", label: "Je n'ai pas eu besoin d'aide", exclusive: true },
          ],
        },
        {
          type: "channels_tried",
          id: "aide_administration",
          label: "L'aide de l'administration",
          hint: "Pour chaque moyen essayé.",
          source: "aide",
          reachedLabel: "Quand vous avez cherché de l'aide, avez-vous réussi à joindre l'administration ?",
          qualityLabel:
            "Comment évaluez-vous la qualité de l'aide que vous avez obtenue de la part de l'administration ?",
          qualityOptions: [
            { value: "tres_mauvaise", label: "Très mauvaise", score: 1 },
            { value: "mauvaise", label: "Mauvaise", score: 2 },
            { value: "ni_bonne_ni_mauvaise", label: "Ni bonne, ni mauvaise", score: 3 },
            { value: "bonne", label: "Bonne", score: 4 },
            { value: "excellente", label: "Excellente", score: 5 },
            { value: "ne_se_prononce_pas", label: "Ne se prononce pas" },
          ],
        },
      ],
    },
    comments,
  ],
};

/** EPIC: what the citizen will remember (Élévation, Fierté, Vision, Lien), after the JDMA's first question. */
export const EPIC: QuestionnaireDefinition = {
  v: 1,
  title: "Ce que vous retiendrez de votre démarche",
  intro: `Quelques questions sur les moments qui comptent dans une démarche. ${ANONYMOUS}`,
  sections: [
    { title: "Expérience générale", fields: [satisfaction] },
    {
      title: "Élévation : un moment marquant",
      fields: [
        {
          type: "single_choice",
          id: "moment",
          label: "Un moment de votre démarche vous a-t-il marqué ?",
          options: [
            { value: "oui_en_bien", label: "Oui, en bien" },
            { value: "oui_en_mal", label: "Oui, en mal" },
            { value: "non", label: "Non, rien de particulier" },
          ],
        },
        { type: "text", id: "moment_detail", label: "Lequel ?", maxLength: 1000 },
      ],
    },
    {
      title: "Fierté : respect et capacité",
      fields: [
        { type: "scale", id: "respect", label: "Vous êtes-vous senti respecté ?", ...agreement },
        {
          type: "scale",
          id: "capable",
          label: "Vous êtes-vous senti capable de mener votre démarche ?",
          ...agreement,
        },
      ],
    },
    {
      title: "Vision : ce que vous avez appris",
      fields: [
        {
          type: "single_choice",
          id: "appris",
          label: "Avez-vous appris quelque chose d'utile pour vos prochaines démarches ?",
          options: [
            { value: "oui", label: "Oui" },
            { value: "un_peu", label: "Un peu" },
            { value: "non", label: "Non" },
          ],
        },
        { type: "text", id: "appris_detail", label: "Quoi, par exemple ?", maxLength: 1000 },
      ],
    },
    {
      title: "Lien : le contact humain",
      fields: [
        {
          type: "scale",
          id: "lien",
          label: "Vous êtes-vous senti écouté par une personne de nos services ?",
          hint: "Si vous n'avez parlé à personne, passez cette question.",
          ...agreement,
        },
      ],
    },
    comments,
  ],
};

export const CSAT: QuestionnaireDefinition = {
  v: 1,
  title: "Votre satisfaction",
  intro: ANONYMOUS,
  sections: [
    {
      fields: [
        {
          type: "scale",
          id: "csat",
          label: "Dans l'ensemble, êtes-vous satisfait du service rendu ?",
          required: true,
          indicator: "csat",
          min: 1,
          max: 5,
          minLabel: "Pas du tout satisfait",
          maxLabel: "Très satisfait",
        },
        moreToSay,
        contact,
      ],
    },
  ],
};

export const NPS: QuestionnaireDefinition = {
  v: 1,
  title: "Recommanderiez-vous ce service ?",
  intro: ANONYMOUS,
  sections: [
    {
      fields: [
        {
          type: "nps",
          id: "nps",
          label: "Recommanderiez-vous ce service à un proche ?",
          hint: "De 0 (pas du tout) à 10 (certainement).",
          required: true,
          minLabel: "Pas du tout",
          maxLabel: "Certainement",
        },
        { ...moreToSay, label: "Qu'est-ce qui explique votre note ?" } as QuestionnaireField,
        contact,
      ],
    },
  ],
};

export const STANDARD_QUESTIONNAIRES: StandardQuestionnaire[] = [
  { slug: "jdma", kind: "jdma", definition: JDMA },
  { slug: "epic", kind: "epic", definition: EPIC },
  { slug: "csat", kind: "csat", definition: CSAT },
  { slug: "nps", kind: "nps", definition: NPS },
];

/** Paths under /avis that are pages, not questionnaires. */
export const RESERVED_SLUGS = ["borne", "qr", "merci", "bouton", "integrer"];
