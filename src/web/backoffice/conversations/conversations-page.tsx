/** /admin/conversations — the conversations behind the dashboard's figures: metadata only, no text. */
import type { VNode } from "preact";
import { CONVERSATION_CHANNELS } from "../../../domains/assistant/index.ts";
import {
  CONVERSATION_OUTCOMES,
  type ConversationListPage,
} from "../../../domains/commitments/needs/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { casePath, formatShortDateTime } from "../cases/labels.ts";
import {
  CONVERSATIONS_PATH,
  conversationChannelLabel,
  frenchDay,
  NEEDS_PATH,
  OUTCOME_LABELS,
  topicLabel,
  transcriptPath,
  VOTE_LABELS,
} from "../needs/needs-labels.ts";
import { type ConversationsQuery, conversationsUrl, hasConversationFilters } from "./conversations-query.ts";

export type ConversationsPageProps = {
  site: SiteContext;
  query: ConversationsQuery;
  page?: ConversationListPage | undefined;
  /** Titles of the pages named on this page of the list. */
  titles: ReadonlyMap<string, string>;
  /** Admins read transcripts; agents see the list only. */
  canReadTranscripts: boolean;
  retentionDays: number;
  /** A refused parameter (a stale page link), said above the list. */
  error?: string | undefined;
};

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

const VOTE_PARAMS: Record<string, string> = { yes: "oui", no: "non", none: "aucun" };

function Filters(props: { query: ConversationsQuery }) {
  const { query } = props;
  return (
    <form method="get" action={CONVERSATIONS_PATH} class="desk-filters" aria-labelledby="conv-filtres-titre">
      <h2 id="conv-filtres-titre">Filtrer les conversations</h2>
      <div class="desk-filters-grid">
        <div class="form-field">
          <label for="conv-du">Commencée à partir du</label>
          <input type="date" id="conv-du" name="du" value={query.du ?? ""} />
        </div>
        <div class="form-field">
          <label for="conv-au">Commencée jusqu'au (inclus)</label>
          <input type="date" id="conv-au" name="au" value={query.au ?? ""} />
        </div>
        <div class="form-field">
          <label for="conv-sujet">Page concernée</label>
          <p class="form-hint" id="conv-sujet-aide">
            Identifiant de la fiche (par exemple F1342) ; « - » pour les conversations sans page.
          </p>
          <input
            type="text"
            id="conv-sujet"
            name="sujet"
            value={query.sujet ?? ""}
            aria-describedby="conv-sujet-aide"
          />
        </div>
        <Select
          id="conv-canal"
          name="canal"
          label="Canal"
          value={query.canal ?? ""}
          options={[
            ["", "Tous les canaux"],
            ...CONVERSATION_CHANNELS.map((c): [string, string] => [c, conversationChannelLabel(c)]),
          ]}
        />
        <Select
          id="conv-resultat"
          name="resultat"
          label="Dernière issue"
          value={query.resultat ?? ""}
          options={[
            ["", "Toutes les issues"],
            ...CONVERSATION_OUTCOMES.map((o): [string, string] => [o, OUTCOME_LABELS[o] ?? o]),
          ]}
        />
        <Select
          id="conv-vote"
          name="vote"
          label="Vote de l'usager"
          value={query.vote ? (VOTE_PARAMS[query.vote] ?? "") : ""}
          options={[
            ["", "Tous"],
            ["oui", "Utile"],
            ["non", "Pas utile"],
            ["aucun", "Pas de vote"],
          ]}
        />
        <Select
          id="conv-transfert"
          name="transfert"
          label="Transmise à un agent"
          value={query.transfert === undefined ? "" : query.transfert ? "oui" : "non"}
          options={[
            ["", "Toutes"],
            ["oui", "Oui"],
            ["non", "Non"],
          ]}
        />
      </div>
      <div class="checkbox-field">
        <input type="checkbox" id="conv-echange" name="echange" value="1" checked={query.echange} />
        <label for="conv-echange">
          Seulement celles où l'assistant a répondu quelque chose (base des taux)
        </label>
      </div>
      <p class="desk-filters-actions">
        <button type="submit">Appliquer les filtres</button>
        {hasConversationFilters(query) ? <a href={CONVERSATIONS_PATH}>Effacer les filtres</a> : null}
      </p>
    </form>
  );
}

function Table(props: ConversationsPageProps & { page: ConversationListPage }) {
  const { page } = props;
  if (page.items.length === 0)
    return (
      <p>
        {hasConversationFilters(props.query)
          ? "Aucune conversation ne correspond à ces filtres."
          : "Aucune conversation."}
      </p>
    );
  return (
    <div class="table-wrap">
      <table class="conversations-list">
        <caption>Conversations avec l'assistant, des plus récentes aux plus anciennes</caption>
        <thead>
          <tr>
            <th scope="col">Commencée le</th>
            <th scope="col">Canal</th>
            <th scope="col">Page concernée</th>
            <th scope="col">Dernière issue</th>
            <th scope="col">Vote</th>
            <th scope="col">Demande ouverte</th>
            <th scope="col">Messages de l'usager</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr>
              <th scope="row">
                {props.canReadTranscripts ? (
                  <a href={transcriptPath(item.handle)}>
                    {formatShortDateTime(item.startedAt)}
                    <span class="visually-hidden"> : lire la conversation</span>
                  </a>
                ) : (
                  formatShortDateTime(item.startedAt)
                )}
              </th>
              <td>{conversationChannelLabel(item.channel)}</td>
              <td>{topicLabel(item.topic, props.titles.get(item.topic) ?? null)}</td>
              <td>{OUTCOME_LABELS[item.outcome] ?? item.outcome}</td>
              <td>{VOTE_LABELS[item.helpful]}</td>
              <td>
                {item.caseReference ? (
                  <a href={casePath(item.caseReference)}>{item.caseReference}</a>
                ) : item.handedOff ? (
                  "Oui"
                ) : (
                  <span class="desk-none">Non</span>
                )}
              </td>
              <td>{item.turns}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConversationsPage(props: ConversationsPageProps) {
  const { query, page } = props;
  return (
    <BackofficePage
      site={props.site}
      title="Conversations avec l'assistant"
      hasErrors={props.error !== undefined}
    >
      <h1>Conversations avec l'assistant</h1>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      <p>
        Conversations dans lesquelles l'usager a écrit au moins une fois, conservées {props.retentionDays}{" "}
        jours.
        {props.canReadTranscripts
          ? " Le texte d'une conversation s'ouvre depuis sa date ; chaque lecture est enregistrée."
          : " Le texte des conversations est réservé aux administrateurs."}{" "}
        <a href={NEEDS_PATH}>Retour au tableau des besoins</a>
      </p>
      {query.du || query.au ? (
        <p>
          Commencées {query.du ? `à partir du ${frenchDay(query.du)}` : ""}
          {query.du && query.au ? " et " : ""}
          {query.au ? `jusqu'au ${frenchDay(query.au)} inclus` : ""}.
        </p>
      ) : null}
      <Filters query={query} />
      <section aria-labelledby="conv-liste-titre">
        <h2 id="conv-liste-titre">
          {query.apres ? "Liste des conversations (suite)" : "Liste des conversations"}
        </h2>
        {page ? <Table {...props} page={page} /> : null}
        {page && (query.apres || page.nextCursor) ? (
          <nav class="desk-pagination" aria-label="Pages de la liste des conversations">
            <ul>
              {query.apres ? (
                <li>
                  <a href={conversationsUrl({ ...query, apres: undefined })}>Première page</a>
                </li>
              ) : null}
              {page.nextCursor ? (
                <li>
                  <a href={conversationsUrl(query, page.nextCursor)} rel="next">
                    Page suivante
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </BackofficePage>
  );
}

export const conversationsView = (props: ConversationsPageProps): VNode => <ConversationsPage {...props} />;
