import type { CaseChannel, CaseStatus, InboxPage as InboxResult } from "../../../domains/cases/index.ts";
import { CASE_CHANNELS, CASE_STATUSES } from "../../../domains/cases/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { slaLabel } from "../commitments/sla-labels.ts";
import { hasFilters, type InboxQuery, inboxUrl } from "./inbox-query.ts";
import {
  AGENT_STATUS_LABELS,
  CHANNEL_LABELS,
  casePath,
  formatShortDateTime,
  INBOX_PATH,
  NEW_CASE_PATH,
  REJECTED_EMAILS_PATH,
  TEMPLATES_PATH,
} from "./labels.ts";
import { LiveNotice } from "./live-notice.tsx";

type Props = {
  site: SiteContext;
  query: InboxQuery;
  page: InboxResult;
  teams: { id: string; name: string }[];
  flash?: string | undefined;
};

function Checkbox(props: { name: string; label: string; checked: boolean; hint?: string }) {
  const id = `filtre-${props.name}`;
  return (
    <div class="checkbox-field">
      <input
        type="checkbox"
        id={id}
        name={props.name}
        value="1"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-aide` : undefined}
      />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="form-hint" id={`${id}-aide`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

function Filters(props: { query: InboxQuery; teams: Props["teams"] }) {
  const { query } = props;
  return (
    <form method="get" action={INBOX_PATH} class="desk-filters" aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">Filtrer les demandes</h2>
      <div class="desk-filters-grid">
        <div class="form-field">
          <label for="filtre-q">Rechercher</label>
          <p class="form-hint" id="filtre-q-aide">
            Référence, objet, nom, adresse ou texte des messages.
          </p>
          <input type="search" id="filtre-q" name="q" value={query.q} aria-describedby="filtre-q-aide" />
        </div>
        <div class="form-field">
          <label for="filtre-statut">Statut</label>
          <select id="filtre-statut" name="statut">
            <option value="">Tous les statuts</option>
            {CASE_STATUSES.map((status: CaseStatus) => (
              <option value={status} selected={query.statut === status}>
                {AGENT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="filtre-equipe">Équipe</label>
          <select id="filtre-equipe" name="equipe">
            <option value="">Toutes les équipes</option>
            {props.teams.map((team) => (
              <option value={team.id} selected={query.equipe === team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="filtre-canal">Canal</label>
          <select id="filtre-canal" name="canal">
            <option value="">Tous les canaux</option>
            {CASE_CHANNELS.map((channel: CaseChannel) => (
              <option value={channel} selected={query.canal === channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="filtre-sujet">Page ou démarche concernée</label>
          <p class="form-hint" id="filtre-sujet-aide">
            Identifiant de la fiche (par exemple F1342) ; « - » pour les demandes sans sujet.
          </p>
          <input
            type="text"
            id="filtre-sujet"
            name="sujet"
            value={query.sujet ?? ""}
            aria-describedby="filtre-sujet-aide"
          />
        </div>
        <div class="form-field">
          <label for="filtre-du">Ouverte à partir du</label>
          <input type="date" id="filtre-du" name="du" value={query.du ?? ""} />
        </div>
        <div class="form-field">
          <label for="filtre-au">Ouverte jusqu'au (inclus)</label>
          <input type="date" id="filtre-au" name="au" value={query.au ?? ""} />
        </div>
      </div>
      <fieldset class="desk-filters-options">
        <legend>Affectation et délai</legend>
        <Checkbox name="a_moi" label="Affectées à moi" checked={query.aMoi} />
        <Checkbox name="non_affectees" label="Non affectées" checked={query.nonAffectees} />
        <Checkbox
          name="en_retard"
          label="En retard"
          checked={query.enRetard}
          hint="Délai de l'engagement de service dépassé, sans réponse ou résolution à temps."
        />
      </fieldset>
      <p class="desk-filters-actions">
        <button type="submit">Appliquer les filtres</button>
        {hasFilters(query) ? <a href={INBOX_PATH}>Effacer les filtres</a> : null}
      </p>
    </form>
  );
}

function SlaCell(props: { sla: InboxResult["items"][number]["sla"] }) {
  if (!props.sla)
    return (
      <td>
        <span class="desk-none">Sans engagement</span>
      </td>
    );
  const label = slaLabel(props.sla);
  // Late is said in words and in bold, not by colour alone.
  return <td>{label.late ? <strong class="sla-late">{label.text}</strong> : label.text}</td>;
}

function InboxTable(props: { page: InboxResult; filtered: boolean }) {
  if (props.page.items.length === 0)
    return (
      <p>
        {props.filtered ? "Aucune demande ne correspond à ces filtres." : "Aucune demande pour l'instant."}
      </p>
    );
  return (
    <div class="table-wrap">
      <table class="desk-inbox">
        <caption>Demandes, de la plus récemment active à la plus ancienne</caption>
        <thead>
          <tr>
            <th scope="col">Référence</th>
            <th scope="col">Objet</th>
            <th scope="col">Canal</th>
            <th scope="col">Statut</th>
            <th scope="col">Délai</th>
            <th scope="col">Équipe</th>
            <th scope="col">Agent</th>
            <th scope="col">Ouverte le</th>
            <th scope="col">Dernière activité</th>
          </tr>
        </thead>
        <tbody>
          {props.page.items.map((item) => (
            <tr class={item.sla && slaLabel(item.sla).late ? "sla-late-row" : undefined}>
              <th scope="row">
                <a href={casePath(item.reference)}>{item.reference}</a>
              </th>
              <td>
                {item.subject}
                {item.contactName ? <span class="desk-contact">{item.contactName}</span> : null}
              </td>
              <td>{CHANNEL_LABELS[item.channel]}</td>
              <td>
                <span class={`badge case-status-${item.status}`}>{AGENT_STATUS_LABELS[item.status]}</span>
              </td>
              <SlaCell sla={item.sla} />
              <td>{item.team?.name ?? <span class="desk-none">Aucune</span>}</td>
              <td>{item.assignee?.displayName ?? <span class="desk-none">Non affectée</span>}</td>
              <td>{formatShortDateTime(item.openedAt)}</td>
              <td>{formatShortDateTime(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InboxPage(props: Props) {
  const { query, page } = props;
  return (
    <BackofficePage site={props.site} title="Demandes" flash={props.flash}>
      <h1>Demandes des usagers</h1>
      <p class="desk-toolbar">
        <a class="button" href={NEW_CASE_PATH}>
          Nouvelle demande (téléphone ou accueil)
        </a>
        <a href={TEMPLATES_PATH}>Modèles de réponse</a>
        <a href={REJECTED_EMAILS_PATH}>Courriels non traités</a>
      </p>
      <LiveNotice />
      <Filters query={query} teams={props.teams} />
      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre">{query.apres ? "Liste des demandes (suite)" : "Liste des demandes"}</h2>
        <InboxTable page={page} filtered={hasFilters(query)} />
        {query.apres || page.nextCursor ? (
          <nav class="desk-pagination" aria-label="Pages de la liste des demandes">
            <ul>
              {query.apres ? (
                <li>
                  <a href={inboxUrl({ ...query, apres: undefined })}>Première page</a>
                </li>
              ) : null}
              {page.nextCursor ? (
                <li>
                  <a href={inboxUrl(query, page.nextCursor)} rel="next">
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
