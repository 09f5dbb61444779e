/**
 * One message of the conversation. Every text from the API goes through JSX children (text nodes),
 * never parsed as markup; links only for http(s) URLs.
 */
import { formatFrenchDate } from "../pages/french-date.ts";
import type { ChatChoice, ChatSource } from "./chat-types.ts";
import { safeHref, type WidgetMessage } from "./widget-state.ts";

const AUTHORS: Record<WidgetMessage["author"], string> = {
  citizen: "Vous",
  assistant: "Assistant",
  agent: "Agent de la mairie",
};

function Sources(props: { sources: ChatSource[] }) {
  return (
    <div class="ga-sources">
      <p class="ga-sources-title">{props.sources.length > 1 ? "Sources :" : "Source :"}</p>
      <ul>
        {props.sources.map((source) => {
          const href = safeHref(source.url);
          const date = source.date ? formatFrenchDate(source.date) : "";
          return (
            <li key={source.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener">
                  {source.title}
                  <span class="ga-vh"> (nouvel onglet)</span>
                </a>
              ) : (
                source.title
              )}
              {date ? <span class="ga-date"> — mis à jour le {date}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export type MessageItemProps = {
  message: WidgetMessage;
  /** Set on the latest reply only. */
  choices?: ChatChoice[] | undefined;
  askVote?: boolean;
  onChoose(value: string): void;
  onVote(messageId: string, helpful: boolean): void;
};

export function MessageItem(props: MessageItemProps) {
  const { message } = props;
  const trackingHref = safeHref(message.trackingUrl);
  return (
    <li class={`ga-msg ga-from-${message.author}`}>
      <p class="ga-who">{AUTHORS[message.author]}</p>
      <p class="ga-text">{message.text}</p>
      {message.sources.length > 0 ? <Sources sources={message.sources} /> : null}
      {message.caseReference ? (
        <p class="ga-case">
          Référence de votre demande : <strong>{message.caseReference}</strong>
          {trackingHref ? (
            <>
              {" "}
              — <a href={trackingHref}>suivre ma demande</a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.choices && props.choices.length > 0 ? (
        <ul class="ga-choices" aria-label="Choix proposés">
          {props.choices.map((choice) => (
            <li key={choice.value}>
              <button type="button" class="ga-choice" onClick={() => props.onChoose(choice.value)}>
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {props.askVote ? (
        <fieldset class="ga-vote">
          <legend>Cette réponse vous a-t-elle aidé ?</legend>
          <button type="button" onClick={() => props.onVote(message.id, true)}>
            Oui
          </button>
          <button type="button" onClick={() => props.onVote(message.id, false)}>
            Non
          </button>
        </fieldset>
      ) : null}
    </li>
  );
}
