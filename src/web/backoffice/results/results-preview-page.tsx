/**
 * /admin/resultats/<id>: the publication exactly as the public page shows it, with what can be done
 * with it: publish a draft (a deliberate act, confirmed), discard it, or withdraw published results.
 */
import type { ResultsPublication } from "../../../domains/commitments/index.ts";
import { formatFrenchDate } from "../../pages/french-date.ts";
import { capitalise, periodLabel } from "../../pages/results/results-format.ts";
import { CHARTS_CSS, publicationPath, RESULTS_CSS } from "../../pages/results/results-page.tsx";
import { ResultsReport } from "../../pages/results/results-report.tsx";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, type FieldError } from "../form-fields.tsx";
import { CONFIRM_FIELD_ID, discardPath, publishPath, RESULTS_ADMIN_PATH, withdrawPath } from "./labels.ts";

function ConfirmForm(props: {
  site: SiteContext;
  action: string;
  confirmLabel: string;
  button: string;
  error?: FieldError | undefined;
  danger?: boolean;
}) {
  const error = props.error?.id === CONFIRM_FIELD_ID ? props.error.message : undefined;
  return (
    <form method="post" action={props.action} class="bo-form" novalidate>
      <CsrfField token={props.site.csrfToken} />
      <div class={error ? "form-field checkbox-field has-error" : "form-field checkbox-field"}>
        {error ? (
          <p class="error-message" id={`${CONFIRM_FIELD_ID}-erreur`}>
            <span class="visually-hidden">Erreur : </span>
            {error}
          </p>
        ) : null}
        <input
          type="checkbox"
          id={CONFIRM_FIELD_ID}
          name="confirmation"
          value="oui"
          aria-describedby={error ? `${CONFIRM_FIELD_ID}-erreur` : undefined}
          aria-invalid={error ? "true" : undefined}
        />{" "}
        <label for={CONFIRM_FIELD_ID}>{props.confirmLabel}</label>
      </div>
      <button type="submit" class={props.danger ? "danger" : undefined}>
        {props.button}
      </button>
    </form>
  );
}

function Actions(props: {
  site: SiteContext;
  publication: ResultsPublication;
  error?: FieldError | undefined;
}) {
  const { publication, site } = props;
  if (publication.status === "draft")
    return (
      <section aria-labelledby="resultats-publier" class="bo-panel">
        <h2 id="resultats-publier">Publier ces résultats</h2>
        <p>
          Brouillon préparé le {formatFrenchDate(publication.createdAt)} : il n'est pas visible sur le site
          public. En le publiant, ces chiffres — exactement ceux de l'aperçu ci-dessous — deviennent les
          résultats publics de la période et remplacent ceux déjà publiés pour la même période, s'il y en a.
        </p>
        <ConfirmForm
          site={site}
          action={publishPath(publication.id)}
          confirmLabel="J'ai vérifié ces chiffres et je confirme leur publication sur le site public"
          button="Publier"
          error={props.error}
        />
        <form method="post" action={discardPath(publication.id)} class="inline-form">
          <CsrfField token={site.csrfToken} />
          <button type="submit" class="secondary">
            Supprimer ce brouillon
          </button>
        </form>
      </section>
    );
  if (publication.status === "published")
    return (
      <section aria-labelledby="resultats-retirer" class="bo-panel">
        <h2 id="resultats-retirer">Résultats publiés</h2>
        <p>
          Publiés le {formatFrenchDate(publication.publishedAt ?? publication.createdAt)} :{" "}
          <a href={publicationPath(publication.id)}>voir la page publique</a>.
        </p>
        <ConfirmForm
          site={site}
          action={withdrawPath(publication.id)}
          confirmLabel="Je confirme le retrait de ces résultats du site public"
          button="Retirer du site public"
          error={props.error}
          danger
        />
      </section>
    );
  return (
    <div class="notice warning">
      <p>
        Ces résultats ont été retirés du site public
        {publication.withdrawnAt ? ` le ${formatFrenchDate(publication.withdrawnAt)}` : ""}. Ils sont gardés
        pour mémoire.
      </p>
    </div>
  );
}

export function ResultsPreviewPage(props: {
  site: SiteContext;
  publication: ResultsPublication;
  error?: FieldError | undefined;
  flash?: string | undefined;
}) {
  const { publication } = props;
  const period = periodLabel(publication.period);
  const state = {
    draft: "brouillon des résultats",
    published: "résultats publiés",
    withdrawn: "résultats retirés",
  }[publication.status];
  return (
    <BackofficePage
      site={props.site}
      title={`${capitalise(period)} : ${state}`}
      hasErrors={props.error !== undefined}
      flash={props.flash}
      stylesheets={[CHARTS_CSS, RESULTS_CSS]}
    >
      <nav class="desk-back" aria-label="Retour">
        <a href={RESULTS_ADMIN_PATH}>Tous les résultats</a>
      </nav>
      {props.error ? <ErrorSummary errors={[props.error]} /> : null}
      <h1>
        {capitalise(period)} : {state}
      </h1>
      <Actions site={props.site} publication={publication} error={props.error} />
      <div class="results results-preview">
        <p class="notice">
          <strong>Aperçu :</strong> voici exactement ce que verront les usagers sur la page « Nos résultats ».
        </p>
        <ResultsReport snapshot={publication.snapshot} />
      </div>
    </BackofficePage>
  );
}
