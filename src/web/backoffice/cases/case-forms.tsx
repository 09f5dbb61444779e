import type { ComponentChildren } from "preact";
import {
  AGENT_STATUS_TRANSITIONS,
  type CaseStatus,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  nextCaseStatus,
  type Team,
} from "../../../domains/cases/index.ts";
import type { AnswerTemplate, DeskAgent } from "../../../domains/desk/index.ts";
import { CsrfField, Field, InputField, SelectField, TextareaField } from "../form-fields.tsx";
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

/** A side form of the case page: posts to one action of the case, with a secondary submit button. */
function CaseActionForm(
  props: Omit<FormProps, "state"> & { action: CaseAction; submitLabel: string; children: ComponentChildren },
) {
  return (
    <form method="post" action={casePath(props.reference, props.action)} class="desk-form">
      <CsrfField token={props.csrfToken} />
      {props.children}
      <button type="submit" class="secondary">
        {props.submitLabel}
      </button>
    </form>
  );
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
          <SelectField
            id="reponse-modele"
            name="modele"
            label="Modèle de réponse"
            hint="Choisissez un modèle puis « Utiliser ce modèle » : son texte remplace la réponse ci-dessous."
            error={errorFor(state, "reponse", "reponse-modele")}
          >
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
          </SelectField>
          <button type="submit" name="action" value="modele" class="secondary">
            Utiliser ce modèle
          </button>
        </div>
      ) : null}
      <TextareaField
        id="reponse-texte"
        name="texte"
        label="Réponse à l'usager"
        hint="Visible par l'usager sur sa page de suivi, et envoyée par courriel s'il a donné une adresse."
        error={errorFor(state, "reponse", "reponse-texte")}
        rows={8}
        value={state.replyText ?? ""}
      />
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
        <SelectField id="reponse-statut" name="statut" label="Statut après la réponse">
          <option value="">{props.status === "nouveau" ? "En cours (par défaut)" : "Inchangé"}</option>
          {statuses.map((status) => (
            <option value={status} selected={state.replyStatus === status}>
              {AGENT_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
      ) : null}
      <button type="submit" name="action" value="envoyer">
        Envoyer la réponse
      </button>
    </form>
  );
}

export function NoteForm(props: FormProps) {
  return (
    <CaseActionForm
      reference={props.reference}
      csrfToken={props.csrfToken}
      action="note"
      submitLabel="Ajouter la note interne"
    >
      <TextareaField
        id="note-texte"
        name="texte"
        label="Note interne"
        hint="Visible des seuls agents : jamais envoyée à l'usager."
        error={errorFor(props.state, "note", "note-texte")}
        rows={4}
        value={props.state.noteText ?? ""}
      />
    </CaseActionForm>
  );
}

export function AssignForm(
  props: FormProps & { teams: Team[]; agents: DeskAgent[]; teamId: string | null; assigneeId: string | null },
) {
  const assignable = props.agents.filter((a) => (a.active && a.handlesCases) || a.id === props.assigneeId);
  return (
    <CaseActionForm
      reference={props.reference}
      csrfToken={props.csrfToken}
      action="affectation"
      submitLabel="Enregistrer l'affectation"
    >
      <SelectField
        id="affectation-equipe"
        name="equipe"
        label="Équipe"
        error={errorFor(props.state, "affectation", "affectation-equipe")}
      >
        <option value="">Aucune équipe</option>
        {props.teams.map((team) => (
          <option value={team.id} selected={team.id === props.teamId}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="affectation-agent"
        name="agent"
        label="Agent chargé de la demande"
        error={errorFor(props.state, "affectation", "affectation-agent")}
      >
        <option value="">Personne</option>
        {assignable.map((agent) => (
          <option value={agent.id} selected={agent.id === props.assigneeId}>
            {agent.displayName}
          </option>
        ))}
      </SelectField>
    </CaseActionForm>
  );
}

export function StatusForm(props: FormProps & { status: CaseStatus }) {
  const allowed = AGENT_STATUS_TRANSITIONS[props.status];
  if (allowed.length === 0) return <p>Cette demande est close : son statut ne change plus.</p>;
  return (
    <CaseActionForm
      reference={props.reference}
      csrfToken={props.csrfToken}
      action="statut"
      submitLabel="Changer le statut"
    >
      <SelectField
        id="statut-choix"
        name="statut"
        label="Nouveau statut"
        hint={`Statut actuel : ${AGENT_STATUS_LABELS[props.status]}.`}
        error={errorFor(props.state, "statut", "statut-choix")}
      >
        {allowed.map((status) => (
          <option value={status}>{AGENT_STATUS_LABELS[status]}</option>
        ))}
      </SelectField>
    </CaseActionForm>
  );
}

export function MergeForm(props: FormProps) {
  return (
    <CaseActionForm
      reference={props.reference}
      csrfToken={props.csrfToken}
      action="fusion"
      submitLabel="Fusionner…"
    >
      <InputField
        id="fusion-cible"
        name="cible"
        label="Référence de la demande à conserver"
        hint={`Pour un doublon : la demande ${props.reference} sera close et ses échanges rejoindront la demande indiquée. Une confirmation vous sera demandée.`}
        error={errorFor(props.state, "fusion", "fusion-cible")}
        value={props.state.mergeTarget ?? ""}
        autocomplete="off"
        spellcheck={false}
      />
    </CaseActionForm>
  );
}
