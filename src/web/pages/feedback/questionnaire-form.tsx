/**
 * A questionnaire as a plain HTML form (no script): radio groups and check boxes in fieldsets, the
 * JDMA per-channel questions and the e-mail address revealed by CSS right under the box that asks for
 * them (feedback.css), every error next to its question and linked from the summary.
 */
import type { ComponentChildren } from "preact";
import {
  type AnswerInput,
  PERSONAL_DATA_WARNING,
  type QuestionnaireDefinition,
  type QuestionnaireField,
} from "../../../domains/feedback/index.ts";
import { consentName, emailName, HIDDEN, optionId, qualityName, reachedName, single } from "./form-names.ts";

export type FieldErrors = Record<string, string>;

type Ctx = { definition: QuestionnaireDefinition; values: AnswerInput; errors: FieldErrors };

function listOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : value
      ? [String(value)]
      : [];
}

function ErrorText(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">Erreur : </span>
      {props.message}
    </p>
  );
}

/** A fieldset whose legend is the question; hint and error described on the group. */
function Group(props: {
  id: string;
  legend: ComponentChildren;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  class?: string;
  children: ComponentChildren;
}) {
  const hintId = props.hint ? `${props.id}-aide` : undefined;
  const errorId = props.error ? `${props.id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      class={`question ${props.class ?? ""}${props.error ? " has-error" : ""}`}
      aria-describedby={describedBy}
    >
      <legend>
        {props.legend}
        {props.required ? <span class="required"> (obligatoire)</span> : null}
      </legend>
      {props.hint ? (
        <p class="form-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <ErrorText id={`${props.id}-erreur`} message={props.error} />
      {props.children}
    </fieldset>
  );
}

function Radio(props: {
  name: string;
  id: string;
  value: string;
  checked: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="choice">
      <input type="radio" id={props.id} name={props.name} value={props.value} checked={props.checked} />
      <label for={props.id}>{props.children}</label>
    </div>
  );
}

function ChannelQuestions(props: {
  ctx: Ctx;
  field: Extract<QuestionnaireField, { type: "channels_tried" }>;
  channel: { value: string; label: string };
}) {
  const { field, channel, ctx } = props;
  const given =
    ((ctx.values[field.id] ?? {}) as Record<string, { reached?: unknown; quality?: unknown }>)[
      channel.value
    ] ?? {};
  const reached = single(given.reached);
  const quality = single(given.quality);
  const base = `${field.id}-${channel.value}`;
  const context = <span class="visually-hidden">{channel.label} : </span>;
  return (
    <div class="revealed">
      <ErrorText id={`${base}-erreur`} message={ctx.errors[`${field.id}.${channel.value}`]} />
      <Group
        id={`${base}-joint`}
        legend={
          <>
            {context}
            {field.reachedLabel}
          </>
        }
        class="inline-choices"
      >
        {["oui", "non"].map((value) => (
          <Radio
            name={reachedName(field.id, channel.value)}
            id={optionId(`${base}-joint`, value)}
            value={value}
            checked={reached === value}
          >
            {value === "oui" ? "Oui" : "Non"}
          </Radio>
        ))}
      </Group>
      <Group
        id={`${base}-qualite`}
        legend={
          <>
            {context}
            {field.qualityLabel}
          </>
        }
      >
        {field.qualityOptions.map((option) => (
          <Radio
            name={qualityName(field.id, channel.value)}
            id={optionId(`${base}-qualite`, option.value)}
            value={option.value}
            checked={quality === option.value}
          >
            {option.label}
          </Radio>
        ))}
      </Group>
    </div>
  );
}

function Question(props: { ctx: Ctx; field: QuestionnaireField }) {
  const { ctx, field } = props;
  const error = ctx.errors[field.id];
  const common = { id: field.id, legend: field.label, hint: field.hint, error, required: field.required };
  switch (field.type) {
    case "single_choice": {
      const value = single(ctx.values[field.id]);
      return (
        <Group {...common} class={field.indicator === "satisfaction" ? "satisfaction" : ""}>
          {field.options.map((option) => (
            <Radio
              name={field.id}
              id={optionId(field.id, option.value)}
              value={option.value}
              checked={value === option.value}
            >
              {option.label}
            </Radio>
          ))}
        </Group>
      );
    }
    case "multiple_choice": {
      const ticked = listOf(ctx.values[field.id]);
      const block = ctx.definition.sections
        .flatMap((section) => section.fields)
        .find((other) => other.type === "channels_tried" && other.source === field.id);
      return (
        <Group {...common}>
          {field.options.map((option) => (
            <div class="choice">
              <input
                type="checkbox"
                id={optionId(field.id, option.value)}
                name={field.id}
                value={option.value}
                checked={ticked.includes(option.value)}
              />
              <label for={optionId(field.id, option.value)}>{option.label}</label>
              {block?.type === "channels_tried" && option.administration ? (
                <ChannelQuestions ctx={ctx} field={block} channel={option} />
              ) : null}
            </div>
          ))}
        </Group>
      );
    }
    case "scale":
    case "nps": {
      const min = field.type === "nps" ? 0 : field.min;
      const max = field.type === "nps" ? 10 : field.max;
      const value = single(ctx.values[field.id]);
      const steps = Array.from({ length: max - min + 1 }, (_, index) => min + index);
      return (
        <Group {...common} class="scale">
          <div class="scale-steps">
            {steps.map((step) => (
              <div class="choice">
                <input
                  type="radio"
                  id={optionId(field.id, step)}
                  name={field.id}
                  value={String(step)}
                  checked={value === String(step)}
                />
                <label for={optionId(field.id, step)}>
                  {step}
                  {step === min ? <span class="scale-end"> {field.minLabel}</span> : null}
                  {step === max ? <span class="scale-end"> {field.maxLabel}</span> : null}
                </label>
              </div>
            ))}
          </div>
        </Group>
      );
    }
    case "text": {
      const warningId = `${field.id}-avertissement`;
      const errorId = error ? `${field.id}-erreur` : undefined;
      return (
        <div class={error ? "form-field has-error" : "form-field"}>
          <label for={field.id}>{field.label}</label>
          <p class="form-hint personal-data-warning" id={warningId}>
            {field.warning ?? PERSONAL_DATA_WARNING} {field.maxLength.toLocaleString("fr-FR")} caractères au
            plus.
          </p>
          <ErrorText id={`${field.id}-erreur`} message={error} />
          <textarea
            id={field.id}
            name={field.id}
            rows={5}
            aria-describedby={[warningId, errorId].filter(Boolean).join(" ")}
            aria-invalid={error ? "true" : undefined}
          >
            {single(ctx.values[field.id])}
          </textarea>
        </div>
      );
    }
    case "contact_email": {
      const given = (ctx.values[field.id] ?? {}) as { wanted?: unknown; email?: unknown };
      const wanted = given.wanted === true || single(given.wanted) === "oui";
      const hintId = field.hint ? `${field.id}-aide` : undefined;
      const errorId = error ? `${field.id}-erreur` : undefined;
      return (
        <div class="choice contact-choice">
          <input
            type="checkbox"
            id={`${field.id}-souhait`}
            name={consentName(field.id)}
            value="oui"
            checked={wanted}
          />
          <label for={`${field.id}-souhait`}>{field.consentLabel}</label>
          <div class={error ? "revealed form-field has-error" : "revealed form-field"}>
            <label for={field.id}>{field.label}</label>
            {field.hint ? (
              <p class="form-hint" id={hintId}>
                {field.hint}
              </p>
            ) : null}
            <ErrorText id={`${field.id}-erreur`} message={error} />
            <input
              type="email"
              id={field.id}
              name={emailName(field.id)}
              autocomplete="email"
              spellcheck={false}
              maxlength={254}
              value={single(given.email)}
              aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
              aria-invalid={error ? "true" : undefined}
            />
          </div>
        </div>
      );
    }
    case "channels_tried":
      // Asked under each administration channel ticked in its source question (see multiple_choice).
      return null;
  }
}

/**
 * The questions of one version. `version` is written as a hidden field so the answer is checked against
 * the questions shown, even if a newer version is published meanwhile; the back office's preview gives
 * none and puts its sections under h3.
 */
export function QuestionnaireFields(
  props: Ctx & { version?: number | undefined; sectionHeading?: "h2" | "h3" },
) {
  const Heading = props.sectionHeading ?? "h2";
  return (
    <>
      {props.version !== undefined ? (
        <input type="hidden" name={HIDDEN.version} value={String(props.version)} />
      ) : null}
      {props.definition.sections.map((section) => (
        <section class="questionnaire-section">
          {section.title ? <Heading>{section.title}</Heading> : null}
          {section.description ? <p>{section.description}</p> : null}
          {section.fields.map((field) => (
            <Question ctx={props} field={field} />
          ))}
        </section>
      ))}
    </>
  );
}
