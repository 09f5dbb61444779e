import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldError,
  InputField,
  TextareaField,
} from "../form-fields.tsx";
import { AGENT_LOGGED_CHANNELS, CHANNEL_LABELS, INBOX_PATH } from "./labels.ts";

export type NewCaseForm = {
  canal?: string | undefined;
  nom?: string | undefined;
  courriel?: string | undefined;
  telephone?: string | undefined;
  objet?: string | undefined;
  texte?: string | undefined;
  /** One per displayed form, so a double click opens one case. */
  cle: string;
};

/** Domain field → id of the input, for the error summary links. */
export const NEW_CASE_FIELD_IDS: Record<string, string> = {
  channel: "canal-phone",
  subject: "objet",
  body: "texte",
  email: "courriel",
  phone: "telephone",
  contact: "courriel",
};

/** E-mail or phone: each is also described by the hint above both ("at least one of the two"). */
function ContactWayField(props: {
  id: "courriel" | "telephone";
  type: "email" | "tel";
  label: string;
  value: string | undefined;
  error: string | undefined;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(describedBy) => (
        <input
          type={props.type}
          id={props.id}
          name={props.id}
          value={props.value ?? ""}
          autocomplete="off"
          aria-describedby={["contact-aide", describedBy].filter(Boolean).join(" ")}
        />
      )}
    </Field>
  );
}

export function NewCasePage(props: { site: SiteContext; form: NewCaseForm; error?: FieldError | undefined }) {
  const { form, error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  const channel = form.canal ?? "phone";
  return (
    <BackofficePage site={props.site} title="Nouvelle demande" hasErrors={error !== undefined}>
      <p class="desk-back">
        <a href={INBOX_PATH}>Retour aux demandes</a>
      </p>
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Enregistrer une demande reçue par téléphone ou à l'accueil</h1>
      <p>
        La demande est enregistrée au nom de l'usager. S'il a donné une adresse électronique, il reçoit un
        accusé de réception avec le lien de suivi.
      </p>
      <form method="post" action={INBOX_PATH} class="desk-form">
        <CsrfField token={props.site.csrfToken} />
        <input type="hidden" name="cle" value={form.cle} />
        <fieldset>
          <legend>Canal</legend>
          {AGENT_LOGGED_CHANNELS.map((value) => (
            <div class="radio-field">
              <input
                type="radio"
                id={`canal-${value}`}
                name="canal"
                value={value}
                checked={channel === value}
              />
              <label for={`canal-${value}`}>{CHANNEL_LABELS[value]}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Usager</legend>
          <p class="form-hint" id="contact-aide">
            Au moins un moyen de lui répondre : adresse électronique ou téléphone.
          </p>
          <InputField id="nom" label="Nom" value={form.nom ?? ""} autocomplete="off" />
          <ContactWayField
            id="courriel"
            type="email"
            label="Adresse électronique"
            value={form.courriel}
            error={errorOn("courriel")}
          />
          <ContactWayField
            id="telephone"
            type="tel"
            label="Téléphone"
            value={form.telephone}
            error={errorOn("telephone")}
          />
        </fieldset>
        <InputField
          id="objet"
          label="Objet de la demande"
          required
          error={errorOn("objet")}
          value={form.objet ?? ""}
        />
        <TextareaField
          id="texte"
          label="Compte rendu de l'appel ou de la visite"
          hint="Ce que l'usager demande, avec ses mots ; il pourra le lire sur sa page de suivi."
          required
          error={errorOn("texte")}
          rows={8}
          value={form.texte ?? ""}
        />
        <button type="submit">Enregistrer la demande</button>
      </form>
    </BackofficePage>
  );
}
