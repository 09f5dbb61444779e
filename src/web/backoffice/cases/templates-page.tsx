import type { AnswerTemplate } from "../../../domains/desk/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { INBOX_PATH, TEMPLATES_PATH } from "./labels.ts";

export function TemplatesPage(props: {
  site: SiteContext;
  templates: AnswerTemplate[];
  form?: { titre?: string | undefined; texte?: string | undefined };
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  return (
    <BackofficePage
      site={props.site}
      title="Modèles de réponse"
      hasErrors={error !== undefined}
      flash={props.flash}
    >
      <p class="desk-back">
        <a href={INBOX_PATH}>Retour aux demandes</a>
      </p>
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Modèles de réponse</h1>
      <p>Les agents les choisissent en répondant à une demande, puis les adaptent avant l'envoi.</p>
      <section aria-labelledby="modeles-liste">
        <h2 id="modeles-liste">Modèles enregistrés</h2>
        {props.templates.length === 0 ? (
          <p>Aucun modèle pour l'instant.</p>
        ) : (
          <ul class="desk-templates">
            {props.templates.map((template) => (
              <li>
                <h3>{template.title}</h3>
                <p class="desk-message-body">{template.body}</p>
                <form method="post" action={`${TEMPLATES_PATH}/${template.id}/suppression`}>
                  <CsrfField token={props.site.csrfToken} />
                  <button type="submit" class="secondary small">
                    Supprimer<span class="visually-hidden"> le modèle « {template.title} »</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="modeles-nouveau">
        <h2 id="modeles-nouveau">Nouveau modèle</h2>
        <form method="post" action={TEMPLATES_PATH} class="desk-form">
          <CsrfField token={props.site.csrfToken} />
          <Field id="titre" label="Titre" required error={errorOn("titre")}>
            {(describedBy) => (
              <input
                type="text"
                id="titre"
                name="titre"
                value={props.form?.titre ?? ""}
                required
                aria-describedby={describedBy}
              />
            )}
          </Field>
          <Field id="modele-texte" label="Texte" required error={errorOn("modele-texte")}>
            {(describedBy) => (
              <textarea id="modele-texte" name="texte" rows={8} required aria-describedby={describedBy}>
                {props.form?.texte ?? ""}
              </textarea>
            )}
          </Field>
          <button type="submit">Enregistrer le modèle</button>
        </form>
      </section>
    </BackofficePage>
  );
}
