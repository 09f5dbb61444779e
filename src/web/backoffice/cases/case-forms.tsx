import {
  AGENT_STATUS_TRANSITIONS,
  type CaseStatus,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  nextCaseStatus,
  type Team,
} from "../../../domains/cases/index.ts";
import type { AnswerTemplate, DeskAgent } from "../../../domains/desk/index.ts";
import { CsrfField, Field } from "../form-fields.tsx";
import type { CaseFormState } from "./case-form-state.ts";
import { AGENT_STATUS_LABELS, type CaseAction, casePath } from "./labels.ts";

type FormProps = { reference: string; csrfToken: string | undefined; state: CaseFormState };

function errorFor(state: CaseFormState, form: CaseAction, fieldId: string): string | undefined {
  return state.error?.form === form && state.error.fieldId === fieldId ? state.error.message : undefined;
}

/** Statuses a reply may leave the case in, beyond the machine's default (nouveau → en cours). */
function replyStatuses(current: CaseStatus): CaseStatus[] {
  const after = nextCaseStatus(current, { type: "agent_reply" });
  if (!after.ok) return [];
  return AGENT_STATUS_TRANSITIONS[after.status].filter((s) => s === "en_attente_usager" || s === "resolu");
}

const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain";

function documentsHint(state: CaseFormState): string {
  const limits = `Jusqu'à ${MAX_ATTACHMENTS_PER_MESSAGE} fichiers de ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} Mo chacun au plus : PDF, images PNG ou JPEG, texte. Ils sont joints au courriel et visibles sur la page de suivi.`;
  return state.replyFilesDropped
    ? `Les documents choisis n'ont pas été gardés : joignez-les de nouveau. ${limits}`
    : limits;
}

export function ReplyForm(props: FormProps & { status: CaseStatus; templates: AnswerTemplate[] }) {
  const { state } = props;
  const statuses = replyStatuses(props.status);
  return (
    <form
      method="post"
      action={casePath(props.reference, "reponse")}
      enctype="multipart/form-data"
      class="desk-form"
      id="form-reponse"
    >
      <CsrfField token={props.csrfToken} />
      {props.templates.length > 0 ? (
        <div class="desk-template-picker">
          <Field
            id="reponse-modele"
            label="Modèle de réponse"
            hint="Choisissez un modèle puis « Utiliser ce modèle » : son texte remplace la réponse ci-dessous."
            error={errorFor(state, "reponse", "reponse-modele")}
          >
            {(describedBy) => (
              <select id="reponse-modele" name="modele" aria-describedby={describedBy}>
                <option value="">Aucun modèle</option>
                {props.templates.map((template) => (
                  <option
                    value={template.id}
                    selected={state.templateId === template.id}
                    data-texte={template.body}
                  >
                    {template.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" name="action" value="modele" class="secondary">
            Utiliser ce modèle
          </button>
        </div>
      ) : null}
      <Field
        id="reponse-texte"
        label="Réponse à l'usager"
        hint="Visible par l'usager sur sa page de suivi, et envoyée par courriel s'il a donné une adresse."
        error={errorFor(state, "reponse", "reponse-texte")}
      >
        {(describedBy) => (
          <textarea id="reponse-texte" name="texte" rows={8} aria-describedby={describedBy}>
            {state.replyText ?? ""}
          </textarea>
        )}
      </Field>
      <Field
        id="reponse-documents"
        label="Documents joints (facultatif)"
        hint={documentsHint(state)}
        error={errorFor(state, "reponse", "reponse-documents")}
      >
        {(describedBy) => (
          <input
            type="file"
            id="reponse-documents"
            name="documents"
            multiple
            accept={ACCEPTED_FILES}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      {statuses.length > 0 ? (
        <Field id="reponse-statut" label="Statut après la réponse">
          {(describedBy) => (
            <select id="reponse-statut" name="statut" aria-describedby={describedBy}>
              <option value="">{props.status === "nouveau" ? "En cours (par défaut)" : "Inchangé"}</option>
              {statuses.map((status) => (
                <option value={status} selected={state.replyStatus === status}>
                  {AGENT_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <button type="submit" name="action" value="envoyer">
        Envoyer la réponse
      </button>
    </form>
  );
}

export function NoteForm(props: FormProps) {
  return (
    <form method="post" action={casePath(props.reference, "note")} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <Field
        id="note-texte"
        label="Note interne"
        hint="Visible des seuls agents : jamais envoyée à l'usager."
        error={errorFor(props.state, "note", "note-texte")}
      >
        {(describedBy) => (
          <textarea id="note-texte" name="texte" rows={4} aria-describedby={describedBy}>
            {props.state.noteText ?? ""}
          </textarea>
        )}
      </Field>
      <button type="submit" class="secondary">
        Ajouter la note interne
      </button>
    </form>
  );
}

export function AssignForm(
  props: FormProps & { teams: Team[]; agents: DeskAgent[]; teamId: string | null; assigneeId: string | null },
) {
  const assignable = props.agents.filter((a) => (a.active && a.handlesCases) || a.id === props.assigneeId);
  return (
    <form method="post" action={casePath(props.reference, "affectation")} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <Field
        id="affectation-equipe"
        label="Équipe"
        error={errorFor(props.state, "affectation", "affectation-equipe")}
      >
        {(describedBy) => (
          <select id="affectation-equipe" name="equipe" aria-describedby={describedBy}>
            <option value="">Aucune équipe</option>
            {props.teams.map((team) => (
              <option value={team.id} selected={team.id === props.teamId}>
                {team.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="affectation-agent"
        label="Agent chargé de la demande"
        error={errorFor(props.state, "affectation", "affectation-agent")}
      >
        {(describedBy) => (
          <select id="affectation-agent" name="agent" aria-describedby={describedBy}>
            <option value="">Personne</option>
            {assignable.map((agent) => (
              <option value={agent.id} selected={agent.id === props.assigneeId}>
                {agent.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="secondary">
        Enregistrer l'affectation
      </button>
    </form>
  );
}

export function StatusForm(props: FormProps & { status: CaseStatus }) {
  const allowed = AGENT_STATUS_TRANSITIONS[props.status];
  if (allowed.length === 0) return <p>Cette demande est close : son statut ne change plus.</p>;
  return (
    <form method="post" action={casePath(props.reference, "statut")} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <Field
        id="statut-choix"
        label="Nouveau statut"
        hint={`Statut actuel : ${AGENT_STATUS_LABELS[props.status]}.`}
        error={errorFor(props.state, "statut", "statut-choix")}
      >
        {(describedBy) => (
          <select id="statut-choix" name="statut" aria-describedby={describedBy}>
            {allowed.map((status) => (
              <option value={status}>{AGENT_STATUS_LABELS[status]}</option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="secondary">
        Changer le statut
      </button>
    </form>
  );
}

export function MergeForm(props: FormProps) {
  return (
    <form method="post" action={casePath(props.reference, "fusion")} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <Field
        id="fusion-cible"
        label="Référence de la demande à conserver"
        hint={`Pour un doublon : la demande ${props.reference} sera close et ses échanges rejoindront la demande indiquée. Une confirmation vous sera demandée.`}
        error={errorFor(props.state, "fusion", "fusion-cible")}
      >
        {(describedBy) => (
          <input
            type="text"
            id="fusion-cible"
            name="cible"
            value={props.state.mergeTarget ?? ""}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <button type="submit" class="secondary">
        Fusionner…
      </button>
    </form>
  );
}
