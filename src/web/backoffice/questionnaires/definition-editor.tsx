import type { DefinitionError } from "../../../domains/feedback/questionnaires/index.ts";
import { FIELD_IDS } from "./labels.ts";

/** "/sections/0/fields/1/label — Section 1, question 2 (« clarte »), « label » : …" for the summary. */
export function definitionErrorText(error: DefinitionError): string {
  return error.path ? `${error.path} — ${error.message}` : error.message;
}

const TYPES: [string, string][] = [
  [
    "single_choice",
    'une réponse parmi « options » (chacune « value » et « label »). Avec « indicator »: "satisfaction", chaque option porte « score » 0, 5 ou 10.',
  ],
  [
    "multiple_choice",
    "plusieurs réponses parmi « options » ; « exclusive »: true pour « Je n'ai pas eu besoin d'aide », « administration »: true pour un moyen de joindre l'administration.",
  ],
  ["scale", "une note de « min » à « max » (0 à 10), avec « minLabel » et « maxLabel »."],
  ["nps", "la recommandation de 0 à 10, avec « minLabel » et « maxLabel »."],
  ["text", "un texte libre de « maxLength » caractères au plus (2 000 au maximum)."],
  ["contact_email", "l'adresse pour être recontacté, demandée si l'usager coche « consentLabel »."],
  [
    "channels_tried",
    "pour chaque moyen « administration » coché dans la question « source » : « reachedLabel » (joint ?) et « qualityLabel » avec « qualityOptions ».",
  ],
];

/** The definition as JSON in a plain textarea, each refusal listed under it with its path. */
export function DefinitionEditor(props: { value: string; errors: DefinitionError[] }) {
  const id = FIELD_IDS.definition;
  const hasErrors = props.errors.length > 0;
  const describedBy = [`${id}-aide`, hasErrors ? `${id}-erreur` : ""].filter(Boolean).join(" ");
  return (
    <div class={hasErrors ? "form-field has-error" : "form-field"}>
      <label for={id}>
        Définition du questionnaire (JSON)<span class="required"> (obligatoire)</span>
      </label>
      <p class="form-hint" id={`${id}-aide`}>
        Un objet avec « v »: 1, « title », « intro » (facultatif) et « sections », chacune avec ses « fields »
        (questions). Chaque question a un « type », un « id » (lettres minuscules sans accent, chiffres et _),
        un « label », et au besoin « hint » et « required »: true.
      </p>
      {hasErrors ? (
        <div class="error-message" id={`${id}-erreur`}>
          <p>
            <span class="visually-hidden">Erreur : </span>
            {props.errors.length === 1
              ? "Un problème à corriger :"
              : `${props.errors.length} problèmes à corriger :`}
          </p>
          <ul>
            {props.errors.map((error) => (
              <li>
                {error.path ? (
                  <>
                    <code>{error.path}</code> —{" "}
                  </>
                ) : null}
                {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <textarea
        id={id}
        name="definition"
        rows={28}
        class="json-editor"
        spellcheck={false}
        autocomplete="off"
        aria-describedby={describedBy}
        aria-invalid={hasErrors ? "true" : undefined}
      >
        {props.value}
      </textarea>
      <details class="json-help">
        <summary>Aide : les types de questions</summary>
        <dl>
          {TYPES.map(([type, text]) => (
            <>
              <dt>
                <code>{type}</code>
              </dt>
              <dd>{text}</dd>
            </>
          ))}
        </dl>
      </details>
    </div>
  );
}
