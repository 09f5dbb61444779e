import type { SiteContext } from "../site.ts";
import { BackofficePage } from "./backoffice-page.tsx";

export function BackofficeErrorPage(props: { site: SiteContext; status: number; message: string }) {
  const title =
    props.status === 403 ? "Accès refusé" : props.status === 404 ? "Contenu introuvable" : "Demande refusée";
  return (
    <BackofficePage site={props.site} title={title}>
      <h1>{title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a href={props.site.agent ? "/admin" : "/admin/connexion"}>
          {props.site.agent ? "Retour au tableau de bord" : "Aller à la page de connexion"}
        </a>
      </p>
    </BackofficePage>
  );
}
