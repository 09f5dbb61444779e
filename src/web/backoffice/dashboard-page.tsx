import { LOCAL_ITEM_KINDS, type LocalItem, type LocalItemKind } from "../../domains/knowledge/local/index.ts";
import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";
import { CsrfField } from "./form-fields.tsx";
import { formatDateTime, itemPath, KIND_LABELS, STATUS_LABELS } from "./labels.ts";

function PublicationButton(props: { item: LocalItem; csrfToken: string | undefined }) {
  const { item } = props;
  const publish = item.status === "draft";
  return (
    <form method="post" action={itemPath(item.kind, item.id, "publication")} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="action" value={publish ? "publier" : "depublier"} />
      <input type="hidden" name="retour" value="tableau" />
      <button type="submit" class="secondary small">
        {publish ? "Publier" : "Dépublier"}
        <span class="visually-hidden"> « {item.title} »</span>
      </button>
    </form>
  );
}

function KindSection(props: {
  kind: LocalItemKind;
  items: LocalItem[];
  canEdit: boolean;
  csrfToken?: string;
}) {
  const labels = KIND_LABELS[props.kind];
  const headingId = `section-${labels.segment}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{labels.heading}</h2>
      {props.canEdit ? (
        <p>
          <a class="button" href={`${itemPath(props.kind)}/nouveau`}>
            {labels.create}
          </a>
        </p>
      ) : null}
      {props.items.length === 0 ? (
        <p>{labels.emptyList}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              {labels.heading} : titre, statut et dernière modification
            </caption>
            <thead>
              <tr>
                <th scope="col">{labels.titleLabel}</th>
                <th scope="col">Statut</th>
                <th scope="col">Dernière modification</th>
                {props.canEdit ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.items.map((item) => (
                <tr>
                  <td>
                    {props.canEdit ? <a href={itemPath(item.kind, item.id)}>{item.title}</a> : item.title}
                  </td>
                  <td>
                    <span class={`badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
                  </td>
                  <td>{formatDateTime(item.updatedAt)}</td>
                  {props.canEdit ? (
                    <td class="bo-actions">
                      <PublicationButton item={item} csrfToken={props.csrfToken} />
                      <a href={itemPath(item.kind, item.id, "suppression")}>
                        Supprimer<span class="visually-hidden"> « {item.title} »</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DashboardPage(props: {
  site: SiteContext;
  items: LocalItem[];
  canEdit: boolean;
  flash?: string | undefined;
}) {
  return (
    <BackofficePage site={props.site} title="Tableau de bord" flash={props.flash}>
      <h1>Contenus de la commune</h1>
      {props.canEdit ? null : (
        <div class="notice">
          <p>
            Vous pouvez consulter les contenus. Pour les modifier, demandez le rôle « éditeur » à un
            administrateur.
          </p>
        </div>
      )}
      {LOCAL_ITEM_KINDS.map((kind) => (
        <KindSection
          kind={kind}
          items={props.items.filter((item) => item.kind === kind)}
          canEdit={props.canEdit}
          csrfToken={props.site.csrfToken}
        />
      ))}
    </BackofficePage>
  );
}
