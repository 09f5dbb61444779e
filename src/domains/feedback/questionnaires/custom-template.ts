import type { QuestionnaireDefinition } from "../questionnaire-definition.ts";

/** What the "new questionnaire" form starts from: one question of a few types, to adapt. */
export const CUSTOM_TEMPLATE: QuestionnaireDefinition = {
  v: 1,
  title: "Votre avis sur l'accueil de la mairie",
  intro: "Quelques questions pour améliorer notre accueil. Vos réponses sont anonymes.",
  sections: [
    {
      fields: [
        {
          type: "single_choice",
          id: "accueil",
          label: "Comment avez-vous été accueilli ?",
          required: true,
          options: [
            { value: "mal", label: "Mal" },
            { value: "correctement", label: "Correctement" },
            { value: "tres_bien", label: "Très bien" },
          ],
        },
        {
          type: "scale",
          id: "attente",
          label: "Le temps d'attente vous a-t-il paru raisonnable ?",
          min: 1,
          max: 5,
          minLabel: "Pas du tout",
          maxLabel: "Tout à fait",
        },
        { type: "text", id: "commentaire", label: "Souhaitez-vous nous en dire plus ?", maxLength: 2000 },
      ],
    },
  ],
};
