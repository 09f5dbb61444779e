/**
 * /assistant: the full-page chat, server-rendered, usable without JavaScript. Each message is a form
 * post answered by a redirect to the reply (#m-<id>), so reloading never sends twice.
 */
import { type ConversationEntry, MAX_MESSAGE_LENGTH } from "../../../domains/assistant/index.ts";
import { ErrorSummary, Field } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { VOICE_SCRIPT_PATH } from "./build-voice-script.ts";
import { Transcript } from "./transcript.tsx";

export const HANDOFF_MESSAGE = "Parler à un agent";

export type AssistantPageProps = {
  site: SiteContext;
  entries: ConversationEntry[];
  /** What the citizen typed, kept when it was refused. */
  draft?: string | undefined;
  /** French message shown above the form and linked to the field. */
  error?: string | undefined;
  /** The end-of-chat questionnaire: refused (French message) or done (thanks). */
  rating?: { error?: string | undefined; thanks?: string | undefined } | undefined;
};

const NOTES = [
  "Pas du tout satisfait",
  "Peu satisfait",
  "Moyennement satisfait",
  "Satisfait",
  "Très satisfait",
];

/** "Votre avis sur cet échange" without JavaScript: a disclosure holding a plain form. */
function RatingSection(props: { rating: AssistantPageProps["rating"] }) {
  const { rating } = props;
  if (rating?.thanks)
    return (
      <p class="form-notice" id="avis" role="status">
        {rating.thanks}
      </p>
    );
  return (
    <details class="chat-rating" id="avis" open={rating?.error !== undefined}>
      <summary>Donner mon avis sur cet échange</summary>
      {rating?.error ? <ErrorSummary errors={[{ id: "note-1", message: rating.error }]} /> : null}
      <form method="post" action="/assistant/note" class="citizen-form" novalidate>
        <fieldset aria-describedby={rating?.error ? "note-erreur" : undefined}>
          <legend>Dans l'ensemble, êtes-vous satisfait de cet échange ?</legend>
          {rating?.error ? (
            <p id="note-erreur" class="error-message">
              {rating.error}
            </p>
          ) : null}
          {NOTES.map((label, i) => (
            <div class="radio-field">
              <input type="radio" id={`note-${i + 1}`} name="note" value={String(i + 1)} />
              <label for={`note-${i + 1}`}>
                {i + 1} – {label}
              </label>
            </div>
          ))}
        </fieldset>
        <Field
          id="commentaire"
          label="Commentaire (facultatif)"
          hint="N'indiquez pas d'informations personnelles (nom, adresse, numéro de dossier…)."
        >
          {(describedBy) => (
            <textarea
              id="commentaire"
              name="commentaire"
              rows={2}
              maxlength={2000}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit">Envoyer mon avis</button>
      </form>
    </details>
  );
}

export function AssistantPage(props: AssistantPageProps) {
  const { entries, error } = props;
  const handedOff = entries.some((entry) => entry.kind === "handoff" || entry.author === "agent");
  return (
    <Page
      site={props.site}
      title={error ? "Erreur : poser une question à l'assistant" : "Poser une question à l'assistant"}
      path="/assistant"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Assistant" }]}
    >
      <h1>Poser une question à l'assistant</h1>
      <p class="lead">
        L'assistant répond à partir des fiches de service-public.fr et des informations de{" "}
        {props.site.organisation.name}. Chaque réponse cite sa source. Vous pouvez à tout moment demander à
        parler à un agent.
      </p>
      {entries.length > 0 ? (
        <section class="chat" aria-labelledby="conversation-titre">
          <h2 id="conversation-titre">Votre conversation</h2>
          <Transcript entries={entries} />
        </section>
      ) : null}
      {handedOff ? (
        <p class="form-notice">
          Votre conversation a été transmise à un agent. Ses réponses s'affichent ici :{" "}
          <a href="/assistant">actualiser la conversation</a>.
        </p>
      ) : null}
      {entries.length > 0 ? <RatingSection rating={props.rating} /> : null}
      <h2 class="visually-hidden">Écrire à l'assistant</h2>
      {error ? <ErrorSummary errors={[{ id: "message", message: error }]} /> : null}
      <form method="post" action="/assistant" class="citizen-form chat-form" novalidate>
        <Field
          id="message"
          label={entries.length > 0 ? "Votre message" : "Votre question"}
          hint={`Une question à la fois, en quelques mots ou quelques phrases (${MAX_MESSAGE_LENGTH.toLocaleString("fr-FR")} caractères au plus).`}
          error={error}
        >
          {(describedBy) => (
            <textarea
              id="message"
              name="message"
              rows={3}
              maxlength={MAX_MESSAGE_LENGTH}
              aria-describedby={describedBy}
              aria-invalid={error ? "true" : undefined}
            >
              {props.draft ?? ""}
            </textarea>
          )}
        </Field>
        <button type="submit">Envoyer</button>
      </form>
      <div class="chat-more">
        {handedOff ? null : (
          <form method="post" action="/assistant">
            <button type="submit" name="message" value={HANDOFF_MESSAGE} class="secondary">
              {HANDOFF_MESSAGE}
            </button>
          </form>
        )}
        {entries.length > 0 ? (
          <form method="post" action="/assistant/nouvelle">
            <button type="submit" class="secondary">
              Nouvelle conversation
            </button>
          </form>
        ) : null}
      </div>
      {/* With JavaScript, a "Parler" button where the service can listen; without, nothing changes. */}
      <script src={VOICE_SCRIPT_PATH} defer />
    </Page>
  );
}
