/**
 * The conversation on the /assistant page, as plain forms: a choice is a submit button that sends its
 * value as the next message, a vote posts to /assistant/avis. Works without JavaScript.
 */
import type { ConversationEntry, ReplySource } from "../../../domains/assistant/index.ts";
import { currentChoices, handoffReference, replyAwaitingVote, safeHref } from "../../widget/widget-state.ts";
import { formatFrenchDate, isoDay } from "../french-date.ts";

const AUTHORS: Record<ConversationEntry["author"], string> = {
  citizen: "Vous",
  assistant: "Assistant",
  agent: "Agent de la mairie",
};

const parisTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

function Sources(props: { sources: ReplySource[] }) {
  return (
    <div class="chat-sources">
      <p class="chat-sources-title">{props.sources.length > 1 ? "Sources :" : "Source :"}</p>
      <ul>
        {props.sources.map((source) => {
          const href = safeHref(source.url);
          return (
            <li>
              {href ? <a href={href}>{source.title}</a> : source.title}
              {source.date && formatFrenchDate(source.date) ? (
                <>
                  {" "}
                  — mis à jour le <time datetime={isoDay(source.date)}>{formatFrenchDate(source.date)}</time>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Choices(props: { entry: ConversationEntry }) {
  return (
    <form method="post" action="/assistant" class="chat-choices">
      <fieldset>
        <legend>Choisissez ce qui correspond à votre question :</legend>
        <ul>
          {props.entry.choices.map((choice) => (
            <li>
              <button type="submit" name="message" value={choice.value}>
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
    </form>
  );
}

function Vote(props: { entry: ConversationEntry }) {
  return (
    <form method="post" action="/assistant/avis" class="chat-vote">
      <input type="hidden" name="reponse" value={props.entry.id} />
      <fieldset>
        <legend>Cette réponse vous a-t-elle aidé ?</legend>
        <button type="submit" name="avis" value="oui">
          Oui
        </button>{" "}
        <button type="submit" name="avis" value="non">
          Non
        </button>
      </fieldset>
    </form>
  );
}

export function Transcript(props: { entries: ConversationEntry[] }) {
  const choices = currentChoices(props.entries);
  const awaitingVote = replyAwaitingVote(props.entries);
  return (
    <ol class="chat-transcript">
      {props.entries.map((entry) => {
        const reference = handoffReference(entry);
        return (
          <li id={`m-${entry.id}`} class={`chat-entry from-${entry.author}`}>
            <h3 class="chat-author">
              {AUTHORS[entry.author]}
              <span class="chat-time">
                {" "}
                à{" "}
                <time datetime={entry.at.toISOString()}>
                  {parisTime.format(entry.at).replace(":", " h ")}
                </time>
              </span>
            </h3>
            <p class="chat-text">{entry.text}</p>
            {entry.sources.length > 0 ? <Sources sources={entry.sources} /> : null}
            {reference ? (
              <p class="chat-reference">
                Référence de votre demande : <strong class="case-reference">{reference}</strong>
              </p>
            ) : null}
            {choices?.messageId === entry.id ? <Choices entry={entry} /> : null}
            {awaitingVote?.id === entry.id ? <Vote entry={entry} /> : null}
            {entry.askHelpful && entry.helpful !== null ? (
              <p class="chat-voted">
                Votre avis : cette réponse {entry.helpful ? "vous a aidé" : "ne vous a pas aidé"}.
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
