import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";

export type ContactSentProps = {
  site: SiteContext;
  /** Absent on the neutral page shown when the robot trap was filled. */
  reference?: string | undefined;
  trackingUrl?: string | undefined;
  acknowledged?: boolean;
};

export function ContactSentPage(props: ContactSentProps) {
  return (
    <Page
      site={props.site}
      title="Demande envoyée"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Demande envoyée" }]}
    >
      <h1>Votre demande a bien été envoyée</h1>
      {props.reference ? (
        <>
          <p class="lead">
            Sa référence est <strong class="case-reference">{props.reference}</strong>. Notez-la : elle vous
            sera demandée si vous nous contactez à son sujet.
          </p>
          {props.acknowledged ? (
            <p>Un accusé de réception vous a été envoyé par courrier électronique.</p>
          ) : null}
          {props.trackingUrl ? (
            <>
              <p>
                Vous pouvez suivre son avancement, nous répondre et ajouter des documents sur cette page
                personnelle :
              </p>
              <p>
                <a href={props.trackingUrl}>Suivre ma demande {props.reference}</a>
              </p>
              <p class="form-hint">
                Ce lien est personnel : ne le transmettez pas. Vous pouvez l'ajouter à vos favoris.
              </p>
            </>
          ) : (
            <p>
              Vous pourrez la retrouver avec sa référence et votre adresse électronique sur la page{" "}
              <a href="/suivi">Suivre une demande</a>.
            </p>
          )}
        </>
      ) : (
        <p class="lead">Merci, votre message a été transmis.</p>
      )}
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </Page>
  );
}
