import type { LocalItem } from "../../domains/knowledge/local/index.ts";
import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";
import { CsrfField } from "./form-fields.tsx";
import { itemPath, KIND_LABELS } from "./labels.ts";

export function DeletePage(props: { site: SiteContext; item: LocalItem }) {
  const { item } = props;
  const labels = KIND_LABELS[item.kind];
  return (
    <BackofficePage site={props.site} title={`Supprimer la ${labels.singular} « ${item.title} »`}>
      <h1>
        Supprimer la {labels.singular} « {item.title} » ?
      </h1>
      <div class="notice warning">
        <p>
          La suppression est définitive.
          {item.status === "published" ? " Ce contenu est publié : il disparaîtra du site public." : ""} Pour
          le retirer du site sans le perdre, dépubliez-le plutôt.
        </p>
      </div>
      <form method="post" action={itemPath(item.kind, item.id, "suppression")} class="bo-form">
        <CsrfField token={props.site.csrfToken} />
        <button type="submit" class="danger">
          Supprimer définitivement
        </button>{" "}
        <a href={itemPath(item.kind, item.id)}>Annuler et revenir au contenu</a>
      </form>
    </BackofficePage>
  );
}
