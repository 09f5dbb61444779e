import { AGENT_ROLES, type AgentRole } from "../../../domains/identity/index.ts";
import { ROLE_LABELS } from "./labels.ts";

/** The roles as checkboxes in a fieldset; the first box carries the fieldset's error anchor id. */
export function RoleCheckboxes(props: {
  idPrefix: string;
  checked: readonly AgentRole[];
  error?: string | undefined;
}) {
  const errorId = props.error ? `${props.idPrefix}-erreur` : undefined;
  return (
    <fieldset class={props.error ? "form-field has-error" : "form-field"} aria-describedby={errorId}>
      <legend>
        Rôles<span class="required"> (au moins un)</span>
      </legend>
      {props.error ? (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">Erreur : </span>
          {props.error}
        </p>
      ) : null}
      {AGENT_ROLES.map((role, index) => {
        const id = index === 0 ? props.idPrefix : `${props.idPrefix}-${role}`;
        return (
          <div class="checkbox-field">
            <input type="checkbox" id={id} name="roles" value={role} checked={props.checked.includes(role)} />
            <label for={id}>
              {ROLE_LABELS[role].label} <span class="form-hint">({ROLE_LABELS[role].hint})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
