import type {
  BusinessCalendar,
  CommitmentInput,
  ProcedureChoice,
  ServiceCommitment,
} from "../../../domains/commitments/index.ts";
import type { SiteContext } from "../../site.ts";
import { AdminNav } from "../admin/admin-nav.tsx";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField, ErrorSummary, type FieldError } from "../form-fields.tsx";
import { BusinessHoursForm, type ClosureForm, ClosuresSection, type HoursForm } from "./calendar-forms.tsx";
import { CommitmentForm } from "./commitment-form.tsx";
import {
  CHANNEL_LABELS,
  COMMITMENTS_PATH,
  commitmentPath,
  delayText,
  percentText,
  procedureText,
} from "./labels.ts";
import { MEASURE_LABELS } from "./sla-labels.ts";

export type CommitmentsPageProps = {
  site: SiteContext;
  commitments: ServiceCommitment[];
  /** Titles of the procedures the commitments name, by topic key. */
  procedures: ReadonlyMap<string, string>;
  /** The town's published procedures, for the form. */
  choices: readonly ProcedureChoice[];
  calendar: BusinessCalendar;
  newCommitment: CommitmentInput;
  hours: HoursForm;
  closure: ClosureForm;
  error?: FieldError | undefined;
  flash?: string | undefined;
};

export function CommitmentsPage(props: CommitmentsPageProps) {
  const { error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  const token = props.site.csrfToken;
  return (
    <BackofficePage
      site={props.site}
      title="Engagements de service"
      hasErrors={error !== undefined}
      flash={props.flash}
    >
      <AdminNav current="engagements" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Engagements de service</h1>
      <p>
        Chaque demande reçoit l'échéance de l'engagement le plus précis qui s'y applique : celui de sa
        démarche sur son canal, à défaut celui de sa démarche sur tous les canaux, puis celui de son canal,
        puis celui de tous les canaux. L'échéance est comptée sur les horaires d'ouverture ci-dessous ;
        l'attente d'une réponse de l'usager ne compte pas.
      </p>
      <p>
        L'engagement sur les appels décrochés par un agent se mesure sur les appels téléphoniques, sans
        échéance : la part des demandes à parler à un agent qui ont été décrochées.
      </p>
      <section aria-labelledby="engagements-liste">
        <h2 id="engagements-liste">Engagements</h2>
        <CommitmentsTable commitments={props.commitments} procedures={props.procedures} csrfToken={token} />
      </section>
      <section aria-labelledby="engagement-nouveau">
        <h2 id="engagement-nouveau">Ajouter un engagement</h2>
        <CommitmentForm
          action={COMMITMENTS_PATH}
          csrfToken={token}
          form={props.newCommitment}
          choices={props.choices}
          titles={props.procedures}
          submitLabel="Ajouter l'engagement"
          errorOn={errorOn}
        />
      </section>
      <section aria-labelledby="horaires-titre">
        <h2 id="horaires-titre">Horaires d'ouverture et jours fériés</h2>
        <BusinessHoursForm csrfToken={token} form={props.hours} errorOn={errorOn} />
      </section>
      <section aria-labelledby="fermetures-titre">
        <h2 id="fermetures-titre">Fermetures exceptionnelles</h2>
        <ClosuresSection
          csrfToken={token}
          closures={props.calendar.closures}
          form={props.closure}
          errorOn={errorOn}
        />
      </section>
    </BackofficePage>
  );
}

function CommitmentsTable(props: {
  commitments: ServiceCommitment[];
  procedures: ReadonlyMap<string, string>;
  csrfToken: string | undefined;
}) {
  if (props.commitments.length === 0)
    return <p>Aucun engagement pour l'instant : les demandes n'ont pas d'échéance.</p>;
  return (
    <div class="table-wrap">
      <table class="desk-inbox">
        <caption>Engagements de service, actifs d'abord</caption>
        <thead>
          <tr>
            <th scope="col">Engagement</th>
            <th scope="col">Mesure</th>
            <th scope="col">Canal</th>
            <th scope="col">Démarche</th>
            <th scope="col">Délai</th>
            <th scope="col">Part visée</th>
            <th scope="col">État</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.commitments.map((commitment) => (
            <tr>
              <th scope="row">{commitment.label}</th>
              <td>{MEASURE_LABELS[commitment.measure]}</td>
              <td>{commitment.channel ? CHANNEL_LABELS[commitment.channel] : "Tous les canaux"}</td>
              <td>{procedureText(commitment, props.procedures)}</td>
              <td>{delayText(commitment)}</td>
              <td>{percentText(commitment.targetShare)}</td>
              <td>{commitment.active ? "Actif" : "Désactivé"}</td>
              <td>
                <a href={commitmentPath(commitment.id)}>
                  Modifier<span class="visually-hidden"> « {commitment.label} »</span>
                </a>
                <form
                  method="post"
                  action={`${commitmentPath(commitment.id)}/${commitment.active ? "desactivation" : "activation"}`}
                >
                  <CsrfField token={props.csrfToken} />
                  <button type="submit" class="secondary small">
                    {commitment.active ? "Désactiver" : "Réactiver"}
                    <span class="visually-hidden"> « {commitment.label} »</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
