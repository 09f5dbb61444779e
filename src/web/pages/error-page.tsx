import { Page } from "../layout/page.tsx";
import { renderDocument } from "../render.ts";
import type { SiteContext } from "../site.ts";

export function ErrorPage(props: { site: SiteContext; status: number; message: string; requestId?: string }) {
  const title =
    props.status === 404 ? "Page introuvable" : props.status >= 500 ? "Erreur du service" : "Demande refusée";
  return (
    <Page site={props.site} title={title}>
      <h1>{title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a href="/">Retour à l'accueil</a> · <a href="/recherche">Rechercher une démarche</a>
      </p>
      {props.requestId ? <p class="meta">Référence de l'incident : {props.requestId}</p> : null}
    </Page>
  );
}

export function renderErrorPage(props: {
  site: SiteContext;
  status: number;
  message: string;
  requestId?: string;
}) {
  return renderDocument(<ErrorPage {...props} />);
}
