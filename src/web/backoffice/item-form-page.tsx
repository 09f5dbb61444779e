import {
  LOCAL_ITEM_LIMITS,
  type LocalItem,
  type LocalItemField,
  type LocalItemForm,
  type LocalItemKind,
  parisDay,
} from "../../domains/knowledge/local/index.ts";
import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";
import { CsrfField, ErrorSummary, type FieldError, InputField, TextareaField } from "./form-fields.tsx";
import { formatDate, itemPath, KIND_LABELS, STATUS_LABELS } from "./labels.ts";

// Field order on the page, which is also the order of the error summary.
const FIELD_ORDER: LocalItemField[] = ["title", "summary", "body", "altQuestions", "publishedOn"];

export function formFromItem(item: LocalItem): LocalItemForm {
  return {
    title: item.title,
    summary: item.summary,
    body: item.body,
    altQuestions: item.altQuestions.join("\n"),
    publishedOn: item.kind === "news" && item.publishedAt ? parisDay(item.publishedAt) : "",
  };
}

export function ItemFormPage(props: {
  site: SiteContext;
  kind: LocalItemKind;
  /** Absent when creating. */
  item?: LocalItem | undefined;
  form: LocalItemForm;
  errors?: Partial<Record<LocalItemField, string>> | undefined;
  flash?: string | undefined;
}) {
  const { kind, item, form } = props;
  const labels = KIND_LABELS[kind];
  const errors = props.errors ?? {};
  const summary: FieldError[] = FIELD_ORDER.flatMap((field) =>
    errors[field] ? [{ id: `champ-${field}`, message: errors[field] as string }] : [],
  );
  const title = item ? `Modifier la ${labels.singular} « ${item.title} »` : labels.create;
  return (
    <BackofficePage site={props.site} title={title} hasErrors={summary.length > 0} flash={props.flash}>
      <p>
        <a href="/admin">Retour au tableau de bord</a>
      </p>
      <h1>{title}</h1>
      {item ? (
        <p class="meta">
          Statut : <strong>{STATUS_LABELS[item.status]}</strong>
          {item.status === "published" && item.publishedAt
            ? ` depuis le ${formatDate(item.publishedAt)}`
            : ""}
          {" · "}Adresse : {item.slug}
        </p>
      ) : (
        <p class="meta">Le contenu est créé en brouillon ; vous le publierez ensuite.</p>
      )}
      <ErrorSummary errors={summary} />
      <form method="post" action={item ? itemPath(kind, item.id) : itemPath(kind)} class="bo-form" novalidate>
        <CsrfField token={props.site.csrfToken} />
        <InputField
          id="champ-title"
          name="title"
          label={labels.titleLabel}
          required
          hint={`${LOCAL_ITEM_LIMITS.title} caractères au plus.`}
          error={errors.title}
          class="wide"
          value={form.title ?? ""}
        />
        {kind === "faq" ? null : (
          <TextareaField
            id="champ-summary"
            name="summary"
            label="Résumé"
            hint="Une ou deux phrases affichées dans les listes et les résultats de recherche (facultatif)."
            error={errors.summary}
            rows={3}
            class="short"
            value={form.summary ?? ""}
          />
        )}
        <TextareaField
          id="champ-body"
          name="body"
          label={labels.bodyLabel}
          required
          hint="Texte simple : séparez les paragraphes par une ligne vide ; commencez une ligne par « - » pour une liste."
          error={errors.body}
          rows={14}
          value={form.body ?? ""}
        />
        {kind === "faq" ? (
          <TextareaField
            id="champ-altQuestions"
            name="altQuestions"
            label="Autres formulations de la question"
            hint="Une par ligne : les mots que les habitants emploient, pour que la recherche trouve cette réponse (facultatif)."
            error={errors.altQuestions}
            rows={5}
            class="short"
            value={form.altQuestions ?? ""}
          />
        ) : null}
        {kind === "news" ? (
          <InputField
            id="champ-publishedOn"
            name="publishedOn"
            type="date"
            label="Date de publication"
            hint="Format : AAAA-MM-JJ. Laissez vide pour dater l'actualité du jour où vous la publiez."
            error={errors.publishedOn}
            value={form.publishedOn ?? ""}
          />
        ) : null}
        <button type="submit">{item ? "Enregistrer les modifications" : "Créer le brouillon"}</button>
      </form>
      {item ? (
        <section aria-labelledby="publication-titre" class="bo-panel">
          <h2 id="publication-titre">Publication</h2>
          <form method="post" action={itemPath(kind, item.id, "publication")}>
            <CsrfField token={props.site.csrfToken} />
            {item.status === "draft" ? (
              <>
                <p>Ce contenu est un brouillon : les habitants ne le voient pas.</p>
                <input type="hidden" name="action" value="publier" />
                <button type="submit">Publier</button>
              </>
            ) : (
              <>
                <p>Ce contenu est visible sur le site public.</p>
                <input type="hidden" name="action" value="depublier" />
                <button type="submit" class="secondary">
                  Dépublier (repasser en brouillon)
                </button>
              </>
            )}
          </form>
          <p>
            <a href={itemPath(kind, item.id, "suppression")}>Supprimer ce contenu</a>
          </p>
        </section>
      ) : null}
    </BackofficePage>
  );
}
