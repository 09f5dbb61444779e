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
  class?: string;
  maxlength?: number;
  min?: number;
  max?: number;
  step?: number;
  autocomplete?: string;
  spellcheck?: boolean;
  inputmode?: "numeric" | "decimal" | "text" | "email" | "tel";
  pattern?: string;
};

const INPUT_PRESETS = {
  email: { autocomplete: "email", maxlength: 254, spellcheck: false },
  tel: { autocomplete: "tel", maxlength: 30 },
} as const;

/** A labelled single-line input: hint and error wired to it, `aria-invalid` when in error. */
export function InputField(props: InputFieldProps) {
  const { name, type = "text", value, class: className, maxlength, min, max, step, ...rest } = props;
  const { autocomplete, spellcheck, inputmode, pattern, ...field } = rest;
  const preset = type === "email" || type === "tel" ? INPUT_PRESETS[type] : {};
  return (
    <Field {...field}>
      {(describedBy) => (
        <input
          {...preset}
          id={props.id}
          name={name ?? props.id}
          type={type}
          class={className}
          value={value}
          {...(maxlength ? { maxlength } : {})}
          min={min}
          max={max}
          step={step}
          {...(autocomplete ? { autocomplete } : {})}
          {...(spellcheck !== undefined ? { spellcheck } : {})}
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

type TextareaFieldProps = Omit<FieldProps, "children"> & {
  /** Defaults to the id. */
  name?: string;
  value?: string | undefined;
  rows: number;
  class?: string;
  maxlength?: number;
};

/** A labelled multi-line text: hint and error wired to it, `aria-invalid` when in error. */
export function TextareaField(props: TextareaFieldProps) {
  const { name, value, rows, class: className, maxlength, ...field } = props;
  return (
    <Field {...field}>
      {(describedBy) => (
        <textarea
          id={props.id}
          name={name ?? props.id}
          rows={rows}
          class={className}
          maxlength={maxlength}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
        >
          {value}
        </textarea>
      )}
    </Field>
  );
}

type SelectFieldProps = Omit<FieldProps, "children"> & {
  /** Defaults to the id. */
  name?: string;
  /** The `<option>` elements. */
  children: ComponentChildren;
};

/** A labelled drop-down list: hint and error wired to it, `aria-invalid` when in error. */
export function SelectField(props: SelectFieldProps) {
  const { name, children, ...field } = props;
  return (
    <Field {...field}>
      {(describedBy) => (
        <select
          id={props.id}
          name={name ?? props.id}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

export function CsrfField(props: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ""} />;
}
