import { ErrorSummary, Field, type FieldError, InputField } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";

export type ContactValues = {
  name: string;
  email: string;
  phone: string;
  subject: string;
  topic: string;
  message: string;
};

export const EMPTY_CONTACT: ContactValues = {
  name: "",
  email: "",
  phone: "",
  subject: "",
  topic: "",
  message: "",
};

export type ContactTopic = { id: string; title: string };

export type ContactPageProps = {
  site: SiteContext;
  values: ContactValues;
  /** One-time key of this form: a second post of it opens no second case. */
  formKey: string;
  topics: ContactTopic[];
  errors: FieldError[];
  /** Documents cannot be kept across a refused post: say so when some were sent. */
  filesDropped?: boolean;
};

function errorOf(errors: FieldError[], id: string): string | undefined {
  return errors.find((e) => e.id === id)?.message;
}

function invalid(errors: FieldError[], id: string): "true" | undefined {
  return errorOf(errors, id) ? "true" : undefined;
}

export function ContactPage(props: ContactPageProps) {
  const { values, errors } = props;
  return (
    <Page
      site={props.site}
      title={errors.length > 0 ? "Erreur : nous écrire" : "Nous écrire"}
      path="/contact"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Nous écrire" }]}
    >
      <h1>Nous écrire</h1>
      <p class="lead">
        Posez votre question ou faites votre demande à {props.site.organisation.name}. Vous recevrez une
        référence pour suivre la réponse.
      </p>
      <ErrorSummary errors={errors} />
      {props.filesDropped ? (
        <p class="form-notice">
          Pour votre sécurité, les documents choisis n'ont pas été gardés : joignez-les de nouveau.
        </p>
      ) : null}
      <form method="post" action="/contact" enctype="multipart/form-data" class="citizen-form" novalidate>
        <input type="hidden" name="cle" value={props.formKey} />
        <p>
          Les champs marqués « obligatoire » doivent être remplis. Indiquez au moins une adresse électronique
          ou un numéro de téléphone pour que nous puissions vous répondre.
        </p>
        <InputField
          id="nom"
          label="Votre nom"
          hint="Facultatif."
          autocomplete="name"
          maxlength={200}
          value={values.name}
        />
        <fieldset class="contact-ways" aria-describedby="moyen-aide">
          <legend>Comment vous répondre</legend>
          <p class="form-hint" id="moyen-aide">
            Au moins l'un des deux. Avec une adresse électronique, vous recevrez un accusé de réception.
          </p>
          <InputField
            id="email"
            type="email"
            label="Adresse électronique"
            hint="Exemple : prenom.nom@exemple.fr"
            error={errorOf(errors, "email")}
            value={values.email}
          />
          <InputField
            id="telephone"
            type="tel"
            label="Numéro de téléphone"
            hint="Exemple : 01 23 45 67 89"
            error={errorOf(errors, "telephone")}
            value={values.phone}
          />
        </fieldset>
        {props.topics.length > 0 ? (
          <Field
            id="theme"
            label="Thème de votre demande"
            hint="Facultatif."
            error={errorOf(errors, "theme")}
          >
            {(describedBy) => (
              <select
                id="theme"
                name="theme"
                aria-describedby={describedBy}
                aria-invalid={invalid(errors, "theme")}
              >
                <option value="">Je ne sais pas</option>
                {props.topics.map((topic) => (
                  <option value={topic.id} selected={topic.id === values.topic}>
                    {topic.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          id="sujet"
          label="Objet"
          required
          hint="En quelques mots (200 caractères au plus)."
          error={errorOf(errors, "sujet")}
        >
          {(describedBy) => (
            <input
              id="sujet"
              name="sujet"
              type="text"
              required
              maxlength={200}
              value={values.subject}
              aria-describedby={describedBy}
              aria-invalid={invalid(errors, "sujet")}
            />
          )}
        </Field>
        <Field id="message" label="Votre message" required error={errorOf(errors, "message")}>
          {(describedBy) => (
            <textarea
              id="message"
              name="message"
              required
              rows={8}
              maxlength={20000}
              aria-describedby={describedBy}
              aria-invalid={invalid(errors, "message")}
            >
              {values.message}
            </textarea>
          )}
        </Field>
        <Field
          id="documents"
          label="Documents"
          hint="Facultatif. 3 fichiers au plus, 10 Mo chacun : PDF, image PNG ou JPEG, ou texte."
          error={errorOf(errors, "documents")}
        >
          {(describedBy) => (
            <input
              id="documents"
              name="documents"
              type="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
              aria-describedby={describedBy}
              aria-invalid={invalid(errors, "documents")}
            />
          )}
        </Field>
        {/* A trap for robots that fill every field; people never reach it (hidden, out of the tab order). */}
        <div class="trap-field" aria-hidden="true">
          <label for="site_web">Ne pas remplir</label>
          <input id="site_web" name="site_web" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <button type="submit">Envoyer ma demande</button>
      </form>
      <p>
        Vous avez déjà une référence ? <a href="/suivi">Suivre une demande</a>.
      </p>
    </Page>
  );
}
