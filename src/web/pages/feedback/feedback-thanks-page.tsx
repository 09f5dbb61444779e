import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { FEEDBACK_CSS } from "./feedback-page.tsx";

/** After an answer; at the counter kiosk it offers (and, with scripts, returns to) an empty form. */
export function FeedbackThanksPage(props: { site: SiteContext; kiosk: boolean }) {
  return (
    <Page
      site={props.site}
      title="Merci pour votre avis"
      breadcrumb={
        props.kiosk ? undefined : [{ label: "Accueil", href: "/" }, { label: "Merci pour votre avis" }]
      }
      stylesheets={[FEEDBACK_CSS]}
    >
      <div class={props.kiosk ? "feedback kiosk" : "feedback"}>
        <h1>Merci pour votre avis</h1>
        <p class="lead">
          Votre avis a bien été enregistré. Il est lu par nos équipes et nous aide à améliorer nos services.
        </p>
        {props.kiosk ? (
          <>
            <p>
              <a class="button kiosk-restart" href="/avis/borne">
                Donner un nouvel avis
              </a>
            </p>
            <p class="form-hint">
              Cet écran revient au questionnaire vide dans 20 secondes, pour la personne suivante.
            </p>
            <script src="/avis/borne.js" defer />
          </>
        ) : (
          <p>
            <a href="/">Retour à l'accueil</a> ·{" "}
            <a href="/vous-avez-dit">Ce que nous avons fait de vos avis</a>
          </p>
        )}
      </div>
    </Page>
  );
}
