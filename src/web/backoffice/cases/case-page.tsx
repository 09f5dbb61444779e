import type { ComponentChildren } from "preact";
import type { Suggestion } from "../../../domains/assistant/index.ts";
import type { AgentCaseView, CaseMessage, Team } from "../../../domains/cases/index.ts";
import type { CaseEmail } from "../../../domains/channels/email/index.ts";
import type { AnswerTemplate, DeskAgent } from "../../../domains/desk/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { MEASURE_LABELS, slaLabel } from "../commitments/sla-labels.ts";
import { ErrorSummary } from "../form-fields.tsx";
import { formatDateTime } from "../labels.ts";
import { CaseEmailsTable } from "./case-emails.tsx";
import type { CaseFormState } from "./case-form-state.ts";
import { AssignForm, MergeForm, NoteForm, ReplyForm, StatusForm } from "./case-forms.tsx";
import {
  AGENT_STATUS_LABELS,
  attachmentPath,
  CHANNEL_LABELS,
  casePath,
  formatBytes,
  INBOX_PATH,
} from "./labels.ts";
import { LiveNotice } from "./live-notice.tsx";
import { Suggestions } from "./suggestions.tsx";

export type CasePageProps = {
  site: SiteContext;
  view: AgentCaseView;
  agents: DeskAgent[];
  teams: Team[];
  templates: AnswerTemplate[];
  mergedIntoReference: string | null;
  /** Outgoing e-mails of the case, newest first. */
  emails?: CaseEmail[];
  state?: CaseFormState | undefined;
  flash?: string | undefined;
  /** Knowledge-base passages that fit the citizen's message (agent assist). */
  suggestions?: Suggestion[];
};

function Info(props: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function CaseHeader(props: { view: AgentCaseView }) {
  const { case: found, team, assignee } = props.view;
  const { contact } = found;
  return (
    <dl class="desk-case-info">
      <Info label="Statut">
        <span class={`badge case-status-${found.status}`}>{AGENT_STATUS_LABELS[found.status]}</span>
      </Info>
      <Info label="Canal">
        {CHANNEL_LABELS[found.channel]}
        {found.channel === "chat" ? (
          <>
            <br />
            <span class="hint">
              Vos réponses s'affichent aussi dans la conversation de l'usager avec l'assistant.
            </span>
          </>
        ) : null}
      </Info>
      <Info label="Usager">
        {contact.name ?? "Nom non indiqué"}
        {contact.email ? (
          <>
            <br />
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </>
        ) : null}
        {contact.phone ? (
          <>
            <br />
            <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
          </>
        ) : null}
      </Info>
      <Info label="Équipe">{team?.name ?? "Aucune"}</Info>
      <Info label="Agent">{assignee?.displayName ?? "Non affectée"}</Info>
      <Info label="Ouverte le">{formatDateTime(found.openedAt)}</Info>
      <Info label="Dernière activité">{formatDateTime(found.updatedAt)}</Info>
      {found.firstAgentReplyAt ? (
        <Info label="Première réponse">{formatDateTime(found.firstAgentReplyAt)}</Info>
      ) : null}
      {found.resolvedAt ? <Info label="Résolue le">{formatDateTime(found.resolvedAt)}</Info> : null}
      {found.closedAt ? <Info label="Close le">{formatDateTime(found.closedAt)}</Info> : null}
      <SlaInfo sla={props.view.sla} />
    </dl>
  );
}

function SlaInfo(props: { sla: AgentCaseView["sla"] | undefined }) {
  if (!props.sla) return <Info label="Engagement de service">Aucun engagement ne s'applique</Info>;
  const { commitmentLabel, measure, view } = props.sla;
  const label = slaLabel(view);
  return (
    <>
      <Info label="Engagement de service">
        {commitmentLabel} ({MEASURE_LABELS[measure].toLowerCase()})
      </Info>
      <Info label="Échéance">
        {formatDateTime(view.dueAt)}
        <br />
        {label.late ? <strong class="sla-late">{label.text}</strong> : label.text}
      </Info>
    </>
  );
}

function authorOf(message: CaseMessage, view: AgentCaseView, agents: Map<string, string>): string {
  if (message.author === "citizen") return view.case.contact.name ?? "L'usager";
  if (message.author === "system") return "Guichet (message automatique)";
  return (message.authorAgentId && agents.get(message.authorAgentId)) || "Un agent";
}

function kindOf(message: CaseMessage): { label: string; className: string } {
  if (message.visibility === "internal") return { label: "Note interne", className: "internal" };
  if (message.author === "citizen") return { label: "Message de l'usager", className: "citizen" };
  return { label: "Réponse publique", className: "public-reply" };
}

function Thread(props: { view: AgentCaseView; agents: DeskAgent[] }) {
  const names = new Map(props.agents.map((a) => [a.id, a.displayName]));
  if (props.view.messages.length === 0) return <p>Aucun message.</p>;
  return (
    <ol class="desk-thread">
      {props.view.messages.map((message, index) => {
        const kind = kindOf(message);
        const headingId = `message-${index + 1}`;
        return (
          <li>
            <article class={`desk-message desk-message-${kind.className}`} aria-labelledby={headingId}>
              <h3 id={headingId}>
                <span class={`desk-message-kind desk-kind-${kind.className}`}>{kind.label}</span>{" "}
                {authorOf(message, props.view, names)}
                <span class="desk-message-date">, le {formatDateTime(message.createdAt)}</span>
              </h3>
              <p class="desk-message-body">{message.body}</p>
              {message.attachments.length > 0 ? (
                <ul class="desk-attachments" aria-label="Pièces jointes">
                  {message.attachments.map((attachment) => (
                    <li>
                      <a href={attachmentPath(attachment.id)} download>
                        {attachment.filename}
                      </a>{" "}
                      ({formatBytes(attachment.sizeBytes)})
                    </li>
                  ))}
                </ul>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id} class="desk-section">
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function CasePage(props: CasePageProps) {
  const { view, site } = props;
  const found = view.case;
  const state = props.state ?? {};
  const common = { reference: found.reference, csrfToken: site.csrfToken, state };
  const open = found.status !== "clos" && found.mergedIntoId === null;
  const error = state.error;
  return (
    <BackofficePage
      site={site}
      title={`Demande ${found.reference}`}
      hasErrors={error !== undefined}
      flash={props.flash}
    >
      <p class="desk-back">
        <a href={INBOX_PATH}>Retour aux demandes</a>
      </p>
      {error ? <ErrorSummary errors={[{ id: error.fieldId, message: error.message }]} /> : null}
      <h1>
        <span class="desk-reference">Demande {found.reference}</span> {found.subject}
      </h1>
      <LiveNotice caseId={found.id} />
      {props.mergedIntoReference ? (
        <div class="notice">
          <p>
            Cette demande a été fusionnée avec la demande{" "}
            <a href={casePath(props.mergedIntoReference)}>{props.mergedIntoReference}</a>, qui regroupe
            désormais les échanges.
          </p>
        </div>
      ) : null}
      {found.purgedAt ? (
        <div class="notice">
          <p>
            Le contenu de cette demande (coordonnées, échanges, documents) a été effacé le{" "}
            {formatDateTime(found.purgedAt)} : durée de conservation écoulée ou demande de l'usager.
          </p>
        </div>
      ) : null}
      <CaseHeader view={view} />
      <Section id="echanges" title="Échanges">
        <Thread view={view} agents={props.agents} />
      </Section>
      {props.emails && props.emails.length > 0 ? (
        <Section id="courriels" title="Courriels envoyés">
          <CaseEmailsTable emails={props.emails} />
        </Section>
      ) : null}
      {open ? (
        <Section id="repondre" title="Répondre à l'usager">
          <Suggestions suggestions={props.suggestions ?? []} />
          <ReplyForm {...common} status={found.status} templates={props.templates} />
        </Section>
      ) : null}
      <Section id="noter" title="Ajouter une note interne">
        <NoteForm {...common} />
      </Section>
      {open ? (
        <>
          <Section id="affecter" title="Affectation">
            <AssignForm
              {...common}
              teams={props.teams}
              agents={props.agents}
              teamId={found.teamId}
              assigneeId={found.assigneeId}
            />
          </Section>
          <Section id="statut" title="Statut">
            <StatusForm {...common} status={found.status} />
          </Section>
          <Section id="fusionner" title="Fusionner avec une autre demande">
            <MergeForm {...common} />
          </Section>
        </>
      ) : null}
    </BackofficePage>
  );
}
