/** Small pieces shared by the public feedback forms: choice lists, the one-time key and the robot trap. */
import type { FieldError } from "../../backoffice/form-fields.tsx";

export function errorOf(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.id === id)?.message;
}

export function ErrorLine(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="error-message" id={`${props.id}-erreur`}>
      <span class="visually-hidden">Erreur : </span>
      {props.message}
    </p>
  );
}

/**
 * Radio buttons or checkboxes in a fieldset. The first input carries the group's id, so the error
 * summary's link lands on it.
 */
export function ChoiceGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  required?: boolean;
  type: "radio" | "checkbox";
  options: [string, string][];
  selected: string[];
  errors: FieldError[];
}) {
  const error = errorOf(props.errors, props.id);
  const described = [props.hint ? `${props.id}-aide` : "", error ? `${props.id}-erreur` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset class={error ? "form-field has-error" : "form-field"} aria-describedby={described || undefined}>
      <legend>
        {props.legend}
        {props.required ? <span class="required"> (obligatoire)</span> : null}
      </legend>
      {props.hint ? (
        <p class="form-hint" id={`${props.id}-aide`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorLine id={props.id} message={error} />
      {props.options.map(([value, label], index) => {
        const inputId = index === 0 ? props.id : `${props.id}-${value}`;
        return (
          <div class={props.type === "radio" ? "radio-field" : "checkbox-field"}>
            <input
              type={props.type}
              id={inputId}
              name={props.name}
              value={value}
              checked={props.selected.includes(value)}
              aria-invalid={error ? "true" : undefined}
            />
            <label for={inputId}>{label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function FormKeyAndTrap(props: { formKey: string }) {
  return (
    <>
      <input type="hidden" name="cle" value={props.formKey} />
      {/* A trap for robots that fill every field; people never reach it (hidden, out of the tab order). */}
      <div class="trap-field" aria-hidden="true">
        <label for="site_web">Ne pas remplir</label>
        <input id="site_web" name="site_web" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
    </>
  );
}

export const PERSONAL_DATA_WARNING =
  "N'écrivez pas de données personnelles (nom, adresse, numéro de téléphone, numéro de dossier…) : ce texte peut être publié. Les coordonnées que vous laisseriez sont effacées automatiquement.";
