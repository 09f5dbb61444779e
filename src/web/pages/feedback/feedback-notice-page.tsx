import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { FEEDBACK_CSS } from "./feedback-page.tsx";

/** An invitation link that cannot be used (already answered, expired, forged), said plainly. */
export function FeedbackNoticePage(props: {
  site: SiteContext;
  title: string;
  message: string;
  offerForm: boolean;
}) {
  return (
    <Page
      site={props.site}
      title={props.title}
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: props.title }]}
      stylesheets={[FEEDBACK_CSS]}
    >
      <h1>{props.title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        {props.offerForm ? (
          <>
            <a href="/avis">Donner mon avis sans lien</a> ·{" "}
          </>
        ) : null}
        <a href="/">Retour à l'accueil</a>
      </p>
    </Page>
  );
}
