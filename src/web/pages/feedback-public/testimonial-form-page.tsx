import {
  TESTIMONIAL_CHANNEL_LABELS,
  TESTIMONIAL_FEELING_LABELS,
  TESTIMONIAL_TAGS,
} from "../../../domains/feedback/testimonials/index.ts";
import { ErrorSummary, Field, type FieldError, InputField } from "../../backoffice/form-fields.tsx";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { ChoiceGroup, errorOf, FormKeyAndTrap, PERSONAL_DATA_WARNING } from "./form-bits.tsx";

export type TestimonialValues = {
  canal: string;
  titre: string;
  recit: string;
  ressenti: string;
  etiquettes: string[];
  email: string;
};

export const EMPTY_TESTIMONIAL: TestimonialValues = {
  canal: "",
  titre: "",
  recit: "",
  ressenti: "",
  etiquettes: [],
  email: "",
};

export type TestimonialFormProps = {
  site: SiteContext;
  values: TestimonialValues;
  formKey: string;
  errors: FieldError[];
};

export function TestimonialFormPage(props: TestimonialFormProps) {
  const { values, errors } = props;
  const invalid = (id: string) => (errorOf(errors, id) ? "true" : undefined);
  return (
    <Page
      site={props.site}
      title={errors.length > 0 ? "Erreur : partager votre expérience" : "Partager votre expérience"}
      path="/temoignages"
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Témoignages", href: "/temoignages" },
        { label: "Partager votre expérience" },
      ]}
    >
      <h1>Partager votre expérience</h1>
      <p class="lead">
        Racontez-nous une démarche, un appel, un passage à l'accueil : ce qui s'est bien passé comme ce qui
        peut s'améliorer. Chaque témoignage est relu avant publication et reçoit une réponse de nos services.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/temoignages/nouveau" class="citizen-form" novalidate>
        <FormKeyAndTrap formKey={props.formKey} />
        <ChoiceGroup
          id="canal"
          name="canal"
          legend="Comment avez-vous été en contact avec nous ?"
          required
          type="radio"
          options={Object.entries(TESTIMONIAL_CHANNEL_LABELS)}
          selected={[values.canal]}
          errors={errors}
        />
        <Field
          id="titre"
          label="Titre de votre témoignage"
          required
          hint="En quelques mots (120 caractères au plus)."
          error={errorOf(errors, "titre")}
        >
          {(describedBy) => (
            <input
              id="titre"
              name="titre"
              type="text"
              required
              maxlength={120}
              value={values.titre}
              aria-describedby={describedBy}
              aria-invalid={invalid("titre")}
            />
          )}
        </Field>
        <Field
          id="recit"
          label="Ce qui s'est passé"
          required
          hint={PERSONAL_DATA_WARNING}
          error={errorOf(errors, "recit")}
        >
          {(describedBy) => (
            <textarea
              id="recit"
              name="recit"
              required
              rows={8}
              maxlength={4000}
              aria-describedby={describedBy}
              aria-invalid={invalid("recit")}
            >
              {values.recit}
            </textarea>
          )}
        </Field>
        <ChoiceGroup
          id="ressenti"
          name="ressenti"
          legend="Comment vous êtes-vous senti ou sentie ?"
          required
          type="radio"
          options={Object.entries(TESTIMONIAL_FEELING_LABELS)}
          selected={[values.ressenti]}
          errors={errors}
        />
        <ChoiceGroup
          id="etiquettes"
          name="etiquettes"
          legend="Thèmes de votre témoignage"
          hint="Facultatif. Ils aident à retrouver les témoignages sur un même sujet."
          type="checkbox"
          options={Object.entries(TESTIMONIAL_TAGS)}
          selected={values.etiquettes}
          errors={errors}
        />
        <InputField
          id="email"
          type="email"
          label="Adresse électronique pour être prévenu de la publication"
          hint="Facultatif. Elle n'est jamais publiée et elle est effacée dès que nous vous avons écrit."
          error={errorOf(errors, "email")}
          value={values.email}
        />
        <button type="submit">Envoyer mon témoignage</button>
      </form>
    </Page>
  );
}
