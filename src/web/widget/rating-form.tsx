/**
 * "Votre avis sur cet échange": the end-of-chat questionnaire (satisfaction 1–5, optional comment),
 * shown after "au revoir" or on demand. One answer per conversation; the API says so in French.
 */
import { useState } from "preact/hooks";
import { ChatError } from "./chat-client.ts";

const NOTES = [
  { value: 1, label: "Pas du tout satisfait" },
  { value: 2, label: "Peu satisfait" },
  { value: 3, label: "Moyennement satisfait" },
  { value: 4, label: "Satisfait" },
  { value: 5, label: "Très satisfait" },
];

export function RatingForm(props: { rate(note: number, comment: string): Promise<string> }) {
  const [note, setNote] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [outcome, setOutcome] = useState<{ kind: "done" | "error"; message: string } | null>(null);
  const [sending, setSending] = useState(false);

  if (outcome?.kind === "done")
    return (
      <p class="ga-note" role="status">
        {outcome.message}
      </p>
    );
  return (
    <form
      class="ga-rating"
      onSubmit={async (event: Event) => {
        event.preventDefault();
        if (note === null) {
          setOutcome({ kind: "error", message: "Choisissez une note de 1 à 5." });
          return;
        }
        setSending(true);
        try {
          setOutcome({ kind: "done", message: await props.rate(note, comment) });
        } catch (error) {
          setOutcome({
            kind: "error",
            message: error instanceof ChatError ? error.message : "Votre avis n'a pas pu être envoyé.",
          });
        }
        setSending(false);
      }}
    >
      <fieldset aria-describedby={outcome?.kind === "error" ? "ga-rating-error" : undefined}>
        <legend>Votre avis sur cet échange</legend>
        {NOTES.map((option) => (
          <label class="ga-rating-note">
            <input
              type="radio"
              name="ga-note"
              value={String(option.value)}
              checked={note === option.value}
              onChange={() => setNote(option.value)}
            />{" "}
            {option.value} – {option.label}
          </label>
        ))}
      </fieldset>
      <label for="ga-rating-comment" class="ga-label">
        Commentaire (facultatif)
      </label>
      <p id="ga-rating-hint" class="ga-hint">
        N'indiquez pas d'informations personnelles (nom, adresse, numéro de dossier…).
      </p>
      <textarea
        id="ga-rating-comment"
        rows={2}
        maxLength={2000}
        value={comment}
        aria-describedby="ga-rating-hint"
        onInput={(event: Event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {outcome?.kind === "error" ? (
        <p id="ga-rating-error" class="ga-alert" role="alert">
          {outcome.message}
        </p>
      ) : null}
      <button type="submit" class="ga-send" disabled={sending}>
        Envoyer mon avis
      </button>
    </form>
  );
}
