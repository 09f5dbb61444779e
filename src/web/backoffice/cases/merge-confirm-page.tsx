import type { Case } from "../../../domains/cases/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField } from "../form-fields.tsx";
import { AGENT_STATUS_LABELS, casePath } from "./labels.ts";

/** Merging cannot be undone: the agent sees both cases side by side before confirming. */
export function MergeConfirmPage(props: { site: SiteContext; duplicate: Case; target: Case }) {
  const { duplicate, target } = props;
  return (
    <BackofficePage site={props.site} title={`Fusionner la demande ${duplicate.reference}`}>
      <h1>Fusionner la demande {duplicate.reference} ?</h1>
      <div class="table-wrap">
        <table>
          <caption>Les deux demandes concernées</caption>
          <thead>
            <tr>
              <th scope="col">Rôle</th>
              <th scope="col">Référence</th>
              <th scope="col">Objet</th>
              <th scope="col">Usager</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {[["Doublon, sera close", duplicate] as const, ["Demande conservée", target] as const].map(
              ([role, item]) => (
                <tr>
                  <th scope="row">{role}</th>
                  <td>{item.reference}</td>
                  <td>{item.subject}</td>
                  <td>{item.contact.name ?? item.contact.email ?? item.contact.phone ?? "Non indiqué"}</td>
                  <td>{AGENT_STATUS_LABELS[item.status]}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <p>
        Les messages et pièces jointes de la demande {duplicate.reference} rejoindront la demande{" "}
        {target.reference}, et le lien de suivi de l'usager mènera à celle-ci. Cette action est définitive.
      </p>
      <form method="post" action={casePath(duplicate.reference, "fusion")} class="inline-actions">
        <CsrfField token={props.site.csrfToken} />
        <input type="hidden" name="cible" value={target.reference} />
        <input type="hidden" name="confirmer" value="oui" />
        <button type="submit">Confirmer la fusion dans {target.reference}</button>
        <a href={casePath(duplicate.reference)}>Annuler</a>
      </form>
    </BackofficePage>
  );
}
