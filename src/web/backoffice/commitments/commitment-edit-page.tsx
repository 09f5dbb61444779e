import type {
  CommitmentInput,
  ProcedureChoice,
  ServiceCommitment,
} from "../../../domains/commitments/index.ts";
import type { SiteContext } from "../../site.ts";
import { AdminNav } from "../admin/admin-nav.tsx";
import { BackofficePage } from "../backoffice-page.tsx";
import { ErrorSummary, type FieldError } from "../form-fields.tsx";
import { CommitmentForm } from "./commitment-form.tsx";
import { COMMITMENTS_PATH, commitmentPath } from "./labels.ts";

export function CommitmentEditPage(props: {
  site: SiteContext;
  commitment: ServiceCommitment;
  form: CommitmentInput;
  choices: readonly ProcedureChoice[];
  titles: ReadonlyMap<string, string>;
  error?: FieldError | undefined;
}) {
  const { error } = props;
  return (
    <BackofficePage
      site={props.site}
      title={`Modifier « ${props.commitment.label} »`}
      hasErrors={error !== undefined}
    >
      <AdminNav current="engagements" />
      {error ? <ErrorSummary errors={[error]} /> : null}
      <h1>Modifier l'engagement « {props.commitment.label} »</h1>
      <p>
        Les demandes déjà ouvertes gardent l'échéance annoncée ; le nouveau délai, canal ou démarche vaut pour
        les demandes ouvertes ensuite. Un engagement sur les demandes ne peut pas devenir un engagement sur
        les appels, ni l'inverse.
      </p>
      <CommitmentForm
        action={commitmentPath(props.commitment.id)}
        csrfToken={props.site.csrfToken}
        form={props.form}
        choices={props.choices}
        titles={props.titles}
        submitLabel="Enregistrer l'engagement"
        errorOn={(id) => (error?.id === id ? error.message : undefined)}
      />
      <p>
        <a href={COMMITMENTS_PATH}>Retour aux engagements de service</a>
      </p>
    </BackofficePage>
  );
}
