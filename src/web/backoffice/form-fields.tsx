import type { ComponentChildren } from "preact";

export type FieldError = { id: string; message: string };

/** Listed first on a page with errors; each entry links to its field. Focused on load. */
export function ErrorSummary(props: { errors: FieldError[] }) {
  if (props.errors.length === 0) return null;
  const count = props.errors.length;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="erreurs-titre"
      tabindex={-1}
      id="erreurs"
      autofocus
    >
      <h2 id="erreurs-titre">
        {count === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${count} erreurs`}
      </h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.id}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  children: (describedBy: string | undefined) => ComponentChildren;
};

export function Field(props: FieldProps) {
  const hintId = props.hint ? `${props.id}-aide` : undefined;
  const errorId = props.error ? `${props.id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={props.error ? "form-field has-error" : "form-field"}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required"> (obligatoire)</span> : null}
      </label>
      {props.hint ? (
        <p class="form-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">Erreur : </span>
          {props.error}
        </p>
      ) : null}
      {props.children(describedBy)}
    </div>
  );
}

type InputFieldProps = Omit<FieldProps, "children"> & {
  /** Defaults to the id. */
  name?: string;
  /** "email" and "tel" bring their autocomplete, length and spelling settings. */
  type?: "text" | "email" | "tel" | "date" | "number" | "url" | "password";
  value?: string | undefined;
  maxlength?: number;
  autocomplete?: string;
  inputmode?: "numeric" | "text" | "email" | "tel";
  pattern?: string;
};

const INPUT_PRESETS = {
  email: { autocomplete: "email", maxlength: 254, spellcheck: false },
  tel: { autocomplete: "tel", maxlength: 30 },
} as const;

/** A labelled single-line input: hint and error wired to it, `aria-invalid` when in error. */
export function InputField(props: InputFieldProps) {
  const { name, type = "text", value, maxlength, autocomplete, inputmode, pattern, ...field } = props;
  const preset = type === "email" || type === "tel" ? INPUT_PRESETS[type] : {};
  return (
    <Field {...field}>
      {(describedBy) => (
        <input
          {...preset}
          id={props.id}
          name={name ?? props.id}
          type={type}
          value={value}
          {...(maxlength ? { maxlength } : {})}
          {...(autocomplete ? { autocomplete } : {})}
          {...(inputmode ? { inputmode } : {})}
          {...(pattern ? { pattern } : {})}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
        />
      )}
    </Field>
  );
}

export function CsrfField(props: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ""} />;
}
