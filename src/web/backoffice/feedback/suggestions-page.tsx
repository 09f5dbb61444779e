import {
  type ActionListEntry,
  SUGGESTION_STATUS_LABELS,
  type SuggestionEntry,
} from "../../../domains/feedback/actions/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField } from "../form-fields.tsx";
import { FeedbackNav } from "./feedback-nav.tsx";
import { formatShort, SUGGESTIONS_PATH } from "./paths.ts";

export function SuggestionsPage(props: {
  site: SiteContext;
  suggestions: SuggestionEntry[];
  actions: ActionListEntry[];
  flash?: string | undefined;
}) {
  const csrf = props.site.csrfToken;
  return (
    <BackofficePage site={props.site} title="Boîte à idées" flash={props.flash}>
      <h1>Boîte à idées</h1>
      <FeedbackNav current={SUGGESTIONS_PATH} roles={props.site.agent?.roles} />
      {props.suggestions.length === 0 ? <p>Aucune suggestion reçue.</p> : null}
      {props.suggestions.map((s) => (
        <article class="card" aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>
            {s.topic ?? "Sans sujet"} <span class="badge">{SUGGESTION_STATUS_LABELS[s.status]}</span>
          </h2>
          <p class="form-hint">Reçue le {formatShort(s.createdAt)}</p>
          <blockquote>
            <p>{s.body}</p>
          </blockquote>
          <form method="post" action={`${SUGGESTIONS_PATH}/${s.id}/action`} class="inline-form">
            <CsrfField token={csrf} />
            <label for={`action-${s.id}`}>Rattacher à</label>{" "}
            <select id={`action-${s.id}`} name="action">
              <option value="nouvelle">une nouvelle action</option>
              {props.actions.map((a) => (
                <option value={a.id}>{a.title}</option>
              ))}
            </select>{" "}
            <button type="submit" class="secondary">
              Rattacher
            </button>
          </form>
          {s.status === "nouvelle" || s.status === "classee" ? (
            <form
              method="post"
              action={`${SUGGESTIONS_PATH}/${s.id}/${s.status === "nouvelle" ? "classer" : "rouvrir"}`}
              class="inline-form"
            >
              <CsrfField token={csrf} />
              <button type="submit" class="secondary">
                {s.status === "nouvelle" ? "Classer sans suite" : "Rouvrir"}
              </button>
            </form>
          ) : null}
        </article>
      ))}
    </BackofficePage>
  );
}
