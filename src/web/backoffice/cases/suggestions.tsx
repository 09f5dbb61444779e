import type { Suggestion } from "../../../domains/assistant/index.ts";
import { formatFrenchDate } from "../../pages/french-date.ts";

/**
 * Agent assist: knowledge-base passages that fit the citizen's message. "Insérer dans la réponse"
 * submits the reply form (so the text typed so far is kept) and brings it back with the passage and
 * its source added — no JavaScript needed.
 */
export function Suggestions(props: { suggestions: Suggestion[] }) {
  if (props.suggestions.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-titre" class="desk-suggestions">
      <h3 id="suggestions-titre">Réponses suggérées</h3>
      <p class="hint">
        Passages des fiches et de la FAQ qui correspondent au message de l'usager. Vérifiez-les avant de les
        envoyer.
      </p>
      <ol>
        {props.suggestions.map((suggestion) => (
          <li>
            <p>
              <a href={suggestion.source.url}>{suggestion.source.title}</a>
              {suggestion.section ? <span> — {suggestion.section}</span> : null}
              {suggestion.source.date ? (
                <span class="hint"> (mise à jour le {formatFrenchDate(suggestion.source.date)})</span>
              ) : null}
            </p>
            <blockquote>{suggestion.excerpt}</blockquote>
            <button
              type="submit"
              form="form-reponse"
              name="action"
              value={`suggestion:${suggestion.source.id}`}
              class="secondary small"
            >
              Insérer dans la réponse
              <span class="visually-hidden"> le passage de « {suggestion.source.title} »</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
