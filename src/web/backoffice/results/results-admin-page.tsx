/** /admin/resultats: choose a period, prepare a draft; the publications made so far. */
import type { PublicationSummary } from "../../../domains/commitments/index.ts";
import { formatFrenchDate } from "../../pages/french-date.ts";
import { capitalise, periodLabel } from "../../pages/results/results-format.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, Field, type FieldError } from "../form-fields.tsx";
import { PERIOD_FIELD_IDS, resultsAdminPath, resultsDraftsPath, STATUS_LABELS } from "./labels.ts";

export type PeriodForm = { periode: string; du: string; au: string };
export type PeriodOptions = { months: string[]; quarters: string[]; years: string[] };

function choiceLabel(choice: string): string {
  const [kind, value = ""] = choice.split(":");
  const [year, part] = value.split("-");
  if (kind === "annee") return `Année ${value}`;
  if (kind === "trimestre") return `${part === "1" ? "1er" : `${part}e`} trimestre ${year}`;
  const month = Number(part);
  return capitalise(
    periodLabel({
      from: `${year}-${part}-01`,
      to: `${year}-${part}-${new Date(Date.UTC(Number(year), month, 0)).getUTCDate()}`,
    }),
  );
}

function PeriodFormSection(props: {
  site: SiteContext;
  form: PeriodForm;
  options: PeriodOptions;
  error?: FieldError | undefined;
}) {
  const errorOn = (id: string) => (props.error?.id === id ? props.error.message : undefined);
  const groups: Array<[string, string[]]> = [
    ["Mois", props.options.months],
    ["Trimestres", props.options.quarters],
    ["Années", props.options.years],
  ];
  return (
    <section aria-labelledby="resultats-preparer">
      <h2 id="resultats-preparer">Préparer un brouillon</h2>
      <p>
        Les chiffres de la période sont calculés maintenant et gardés dans un brouillon, visible de vous
        seuls. Vérifiez l'aperçu, puis publiez-le : le site public montrera ces chiffres-là, sans les
        recalculer.
      </p>
      <form method="post" action={resultsDraftsPath} class="bo-form" novalidate>
        <CsrfField token={props.site.csrfToken} />
        <Field
          id={PERIOD_FIELD_IDS.periode}
          label="Période"
          required
          error={errorOn(PERIOD_FIELD_IDS.periode)}
          hint="Seules les périodes terminées peuvent être publiées."
        >
          {(describedBy) => (
            <select
              id={PERIOD_FIELD_IDS.periode}
              name="periode"
              aria-describedby={describedBy}
              aria-invalid={errorOn(PERIOD_FIELD_IDS.periode) ? "true" : undefined}
            >
              {groups.map(([label, choices]) => (
                <optgroup label={label}>
                  {choices.map((choice) => (
                    <option value={choice} selected={props.form.periode === choice}>
                      {choiceLabel(choice)}
                    </option>
                  ))}
                </optgroup>
              ))}
              <optgroup label="Autre">
                <option value="dates" selected={props.form.periode === "dates"}>
                  Dates précises (indiquées ci-dessous)
                </option>
              </optgroup>
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Dates précises (si vous avez choisi « Dates précises »)</legend>
          <Field
            id={PERIOD_FIELD_IDS.du}
            label="Du"
            hint="Premier jour compté, format AAAA-MM-JJ."
            error={errorOn(PERIOD_FIELD_IDS.du)}
          >
            {(describedBy) => (
              <input
                id={PERIOD_FIELD_IDS.du}
                name="du"
                type="date"
                value={props.form.du}
                aria-describedby={describedBy}
                aria-invalid={errorOn(PERIOD_FIELD_IDS.du) ? "true" : undefined}
              />
            )}
          </Field>
          <Field
            id={PERIOD_FIELD_IDS.au}
            label="Au"
            hint="Dernier jour compté, au plus tard hier."
            error={errorOn(PERIOD_FIELD_IDS.au)}
          >
            {(describedBy) => (
              <input
                id={PERIOD_FIELD_IDS.au}
                name="au"
                type="date"
                value={props.form.au}
                aria-describedby={describedBy}
                aria-invalid={errorOn(PERIOD_FIELD_IDS.au) ? "true" : undefined}
              />
            )}
          </Field>
        </fieldset>
        <button type="submit">Préparer le brouillon</button>
      </form>
    </section>
  );
}

function statusText(publication: PublicationSummary): string {
  if (publication.status === "published" && publication.publishedAt)
    return `Publié le ${formatFrenchDate(publication.publishedAt)}`;
  if (publication.status === "withdrawn" && publication.withdrawnAt)
    return `Retiré le ${formatFrenchDate(publication.withdrawnAt)}`;
  return STATUS_LABELS[publication.status];
}

function PublicationsTable(props: { publications: PublicationSummary[] }) {
  return (
    <section aria-labelledby="resultats-publications">
      <h2 id="resultats-publications">Brouillons et publications</h2>
      {props.publications.length === 0 ? (
        <p>Aucun brouillon ni résultat publié pour le moment.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>Résultats préparés, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Période</th>
                <th scope="col">État</th>
                <th scope="col">Préparé le</th>
                <th scope="col">Aperçu</th>
              </tr>
            </thead>
            <tbody>
              {props.publications.map((publication) => (
                <tr>
                  <th scope="row">{capitalise(periodLabel(publication.period))}</th>
                  <td>{statusText(publication)}</td>
                  <td>{formatFrenchDate(publication.createdAt)}</td>
                  <td>
                    <a href={resultsAdminPath(publication.id)}>
                      Voir
                      <span class="visually-hidden">
                        {" "}
                        les résultats : {periodLabel(publication.period)}, {statusText(publication)}
                      </span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ResultsAdminPage(props: {
  site: SiteContext;
  form: PeriodForm;
  options: PeriodOptions;
  publications: PublicationSummary[];
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  return (
    <BackofficePage
      site={props.site}
      title="Résultats publiés"
      hasErrors={props.error !== undefined}
      flash={props.flash}
    >
      {props.error ? <ErrorSummary errors={[props.error]} /> : null}
      <h1>Résultats publiés</h1>
      <p>
        Les indicateurs « Services Publics + » de la commune : délais tenus, satisfaction, joignabilité,
        assistant. Ils sont publiés sur la page <a href="/resultats">Nos résultats</a> du site public, avec
        leurs données au format CSV et JSON.
      </p>
      <PeriodFormSection site={props.site} form={props.form} options={props.options} error={props.error} />
      <PublicationsTable publications={props.publications} />
    </BackofficePage>
  );
}
