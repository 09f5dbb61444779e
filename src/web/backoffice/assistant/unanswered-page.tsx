import type { VNode } from "preact";
import type { UnansweredGroup } from "../../../domains/assistant/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { CsrfField } from "../form-fields.tsx";
import { formatDateTime } from "../labels.ts";

export const UNANSWERED_PATH = "/admin/questions-sans-reponse";

function GroupActions(props: { group: UnansweredGroup; csrfToken: string | undefined }) {
  const ids = props.group.ids.join(",");
  return (
    <div class="bo-actions">
      <form method="post" action={`${UNANSWERED_PATH}/faq`} class="inline-form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="ids" value={ids} />
        <button type="submit" class="small">
          Créer une entrée de FAQ<span class="visually-hidden"> pour « {props.group.question} »</span>
        </button>
      </form>
      <form method="post" action={`${UNANSWERED_PATH}/ecarter`} class="inline-form">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="ids" value={ids} />
        <button type="submit" class="secondary small">
          Écarter<span class="visually-hidden"> « {props.group.question} »</span>
        </button>
      </form>
    </div>
  );
}

/** Editors' list of what citizens asked the assistant without getting a useful answer. */
export function UnansweredPage(props: {
  site: SiteContext;
  groups: UnansweredGroup[];
  flash?: string | undefined;
  error?: string | undefined;
}) {
  const total = props.groups.reduce((sum, group) => sum + group.count, 0);
  return (
    <BackofficePage site={props.site} title="Questions sans réponse" flash={props.flash}>
      <h1>Questions sans réponse</h1>
      <p>
        Les questions posées à l'assistant auxquelles il n'a pas trouvé de réponse, ou dont la réponse n'a pas
        aidé, regroupées quand elles se ressemblent. Adresses e-mail et numéros de téléphone sont masqués
        avant l'enregistrement. Une entrée de FAQ créée ici est un brouillon : rédigez la réponse, puis
        publiez-la.
      </p>
      {props.error ? (
        <div class="notice error" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      {props.groups.length === 0 ? (
        <p>Aucune question en attente.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {total} question{total > 1 ? "s" : ""} en {props.groups.length} groupe
              {props.groups.length > 1 ? "s" : ""}, les plus fréquentes d'abord
            </caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Nombre</th>
                <th scope="col">Dernière fois</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {props.groups.map((group) => (
                <tr>
                  <td>
                    <p>{group.question}</p>
                    {group.phrasings.length > 0 ? (
                      <details>
                        <summary>
                          {group.phrasings.length} autre{group.phrasings.length > 1 ? "s" : ""} formulation
                          {group.phrasings.length > 1 ? "s" : ""}
                        </summary>
                        <ul>
                          {group.phrasings.map((phrasing) => (
                            <li>{phrasing}</li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    {group.count}
                    {group.notHelpfulCount > 0 ? (
                      <span class="hint"> (dont {group.notHelpfulCount} « réponse pas utile »)</span>
                    ) : null}
                  </td>
                  <td>{formatDateTime(group.lastAskedAt)}</td>
                  <td>
                    <GroupActions group={group} csrfToken={props.site.csrfToken} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackofficePage>
  );
}

export const unansweredView = (props: Parameters<typeof UnansweredPage>[0]): VNode => (
  <UnansweredPage {...props} />
);
